namespace Meshery.ExtensionPoints.Events;

/// <summary>A category and action pair seen among the caller's events.</summary>
public sealed record EventType(string Category, string Action);
