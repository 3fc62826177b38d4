namespace Meshery.Agent.ServerStatus;

/// <summary>One module's state for <c>/readyz</c>: whether it is ready, what it is doing, and whether readiness depends on it.</summary>
public sealed record ReadinessCheckResult(bool Ready, string Status, bool Required = false);
