namespace Meshery.Agent.Perf.Results;

/// <summary>One histogram bucket: its range, the cumulative percent up to its end, its count.</summary>
public sealed record FortioBucket(double Start, double End, double Percent, long Count);
