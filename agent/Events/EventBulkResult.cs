namespace Meshery.Agent.Events;

/// <summary>How many events a bulk call changed.</summary>
public sealed record EventBulkResult(int Count);
