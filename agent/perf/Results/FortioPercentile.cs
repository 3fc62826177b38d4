namespace Meshery.Agent.Perf.Results;

public sealed record FortioPercentile(double Percentile, double Value);
