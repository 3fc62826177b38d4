using System.Globalization;
using Meshery.Agent.Perf.Histograms;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Protos;

namespace Meshery.Agent.Perf.Results;

/// <summary>Turns what a test measured into Fortio's runner result and the SMP result.</summary>
public static class ResultBuilder
{
    public const string SmpVersion = "v0.0.1";

    /// <summary>The percentiles reported, as Meshery asks Fortio for them.</summary>
    public static IReadOnlyList<double> ReportedPercentiles { get; } = [50, 75, 90, 99, 99.9];

    private const double SecondsPerMicrosecond = 1e-6;

    public static FortioRunnerResults Fortio(LoadOutcome outcome, string version)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var test = outcome.Test;
        return new FortioRunnerResults
        {
            Labels = string.Join(" ", test.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value)),
            StartTime = outcome.StartTime.ToString("O", CultureInfo.InvariantCulture),
            RequestedQPS = test.Qps > 0 ? test.Qps.ToString(CultureInfo.InvariantCulture) : "max",
            RequestedDuration = GoDuration.Format(test.Duration),
            ActualQPS = outcome.ActualQps,
            ActualDuration = outcome.ActualDuration.Ticks * 100,
            NumThreads = test.Connections,
            Version = version,
            DurationHistogram = Histogram(outcome.LatencyMicroseconds, SecondsPerMicrosecond, withPercentiles: true),
            RetCodes = outcome.RetCodes.ToDictionary(c => c.Key.ToString(CultureInfo.InvariantCulture), c => c.Value, StringComparer.Ordinal),
            Sizes = Histogram(outcome.SizeBytes, 1, withPercentiles: false),
            URL = test.Url.ToString(),
            SocketCount = test.Connections,
            LoadGenerator = test.LoadGenerator,
        };
    }

    public static SmpResult Smp(LoadOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var latency = outcome.LatencyMicroseconds;
        var result = new SmpResult
        {
            SmpVersion = SmpVersion,
            Id = Guid.NewGuid().ToString("D"),
            StartTime = outcome.StartTime.ToString("O", CultureInfo.InvariantCulture),
            EndTime = outcome.EndTime.ToString("O", CultureInfo.InvariantCulture),
            LatenciesMs = new LatenciesMs
            {
                Min = latency.Count == 0 ? 0 : latency.Min / 1000.0,
                Average = latency.Average / 1000.0,
                P50 = latency.Percentile(50) / 1000.0,
                P90 = latency.Percentile(90) / 1000.0,
                P99 = latency.Percentile(99) / 1000.0,
                Max = latency.Max / 1000.0,
            },
            ActualQps = outcome.ActualQps,
            TestId = outcome.Test.TestId,
        };
        foreach (var (key, value) in outcome.Test.Labels)
        {
            result.Labels[key] = value;
        }

        return result;
    }

    private static FortioHistogram Histogram(LogLinearHistogram histogram, double scale, bool withPercentiles) => new()
    {
        Count = histogram.Count,
        Min = histogram.Count == 0 ? 0 : histogram.Min * scale,
        Max = histogram.Max * scale,
        Sum = histogram.Sum * scale,
        Avg = histogram.Average * scale,
        StdDev = histogram.StdDev * scale,
        Data = [.. histogram.Buckets().Select(b => new FortioBucket(b.Start * scale, b.End * scale, b.Percent, b.Count))],
        Percentiles = withPercentiles ? [.. ReportedPercentiles.Select(p => new FortioPercentile(p, histogram.Percentile(p) * scale))] : null,
    };
}
