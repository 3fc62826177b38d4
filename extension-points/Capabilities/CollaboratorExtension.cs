namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>A collaboration component shown in Meshery's header.</summary>
public sealed record CollaboratorExtension(string Component, string? Type = null);
