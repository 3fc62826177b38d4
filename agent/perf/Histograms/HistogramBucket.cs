namespace Meshery.Agent.Perf.Histograms;

/// <summary>One non-empty bucket: its range, the cumulative percent of values up to its end, and its count.</summary>
public readonly record struct HistogramBucket(double Start, double End, double Percent, long Count);
