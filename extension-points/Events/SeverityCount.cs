namespace Meshery.ExtensionPoints.Events;

/// <summary>How many events of one severity match a filter.</summary>
public sealed record SeverityCount(string Severity, int Count);
