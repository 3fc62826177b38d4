namespace Meshery.Agent.ServerStatus;

/// <summary>The body of <c>/healthz</c> and <c>/readyz</c>.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string>? Checks = null);
