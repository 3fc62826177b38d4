namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Where an extension entry leads.</summary>
public sealed record ExtensionHref(string Uri, bool External = false);
