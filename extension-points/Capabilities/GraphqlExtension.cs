namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>A GraphQL extension (declared for compatibility; left empty by this project's providers).</summary>
public sealed record GraphqlExtension(string Component, string Path, string? Type = null);
