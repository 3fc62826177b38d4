namespace Meshery.Agent.Perf.Load;

/// <summary>A running test so far: requests answered (errors included), errors, time since start, and the rate since the last report.</summary>
public readonly record struct LoadProgress(long Requests, long Errors, TimeSpan Elapsed, double CurrentQps);
