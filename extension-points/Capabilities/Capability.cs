namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>One advertised feature and the provider path that serves it.</summary>
public sealed record Capability(string Feature, string Endpoint = "");
