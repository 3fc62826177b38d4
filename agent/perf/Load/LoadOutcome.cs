using Meshery.Agent.Perf.Histograms;

namespace Meshery.Agent.Perf.Load;

/// <summary>What a finished test measured, over all its connections.</summary>
public sealed record LoadOutcome(
    LoadTest Test,
    DateTimeOffset StartTime,
    TimeSpan ActualDuration,
    LogLinearHistogram LatencyMicroseconds,
    LogLinearHistogram SizeBytes,
    IReadOnlyDictionary<int, long> RetCodes,
    long Errors)
{
    public long Requests => LatencyMicroseconds.Count;

    public double ActualQps => ActualDuration <= TimeSpan.Zero ? 0 : Requests / ActualDuration.TotalSeconds;

    public DateTimeOffset EndTime => StartTime + ActualDuration;
}
