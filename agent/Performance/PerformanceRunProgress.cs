namespace Meshery.Agent.Performance;

/// <summary>A running test's numbers: requests answered so far (errors included), errors, seconds since start, current rate.</summary>
public sealed record PerformanceRunProgress(long Requests, long Errors, double ElapsedSeconds, double CurrentQps);
