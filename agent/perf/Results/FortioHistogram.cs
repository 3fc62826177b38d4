namespace Meshery.Agent.Perf.Results;

/// <summary>Fortio's histogram data: summary statistics, the buckets and the percentiles asked for.</summary>
public sealed record FortioHistogram
{
    public long Count { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    public double Sum { get; set; }

    public double Avg { get; set; }

    public double StdDev { get; set; }

    public List<FortioBucket> Data { get; set; } = [];

    public List<FortioPercentile>? Percentiles { get; set; }
}
