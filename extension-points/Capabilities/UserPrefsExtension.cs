namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>A component shown on the user preferences page.</summary>
public sealed record UserPrefsExtension(string Component, string? Type = null);
