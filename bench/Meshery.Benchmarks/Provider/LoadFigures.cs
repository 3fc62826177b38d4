using System.Diagnostics;

namespace Meshery.Benchmarks.Provider;

/// <summary>What one or more closed-loop runs measured: completed requests, failures, wall time and latencies.</summary>
public sealed class LoadFigures
{
    private readonly List<long> _latencyTicks = [];

    public long Requests => _latencyTicks.Count;

    public long Errors { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>CPU this process spent meanwhile (load client, provider host and storage SDK; Azurite is another process).</summary>
    public TimeSpan CpuTime { get; private set; }

    public double CpuMicrosecondsPerRequest => Requests > 0 ? CpuTime.TotalMicroseconds / Requests : double.NaN;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    public double P50Milliseconds => PercentileMilliseconds(0.50);

    public double P99Milliseconds => PercentileMilliseconds(0.99);

    /// <summary>Adds one round's figures.</summary>
    public void Add(IReadOnlyCollection<long> latencyTicks, long errors, TimeSpan elapsed, TimeSpan cpuTime)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);
        _latencyTicks.AddRange(latencyTicks);
        Errors += errors;
        Elapsed += elapsed;
        CpuTime += cpuTime;
    }

    /// <summary>Nearest-rank percentile of the successful requests' latencies.</summary>
    public double PercentileMilliseconds(double quantile)
    {
        if (_latencyTicks.Count == 0)
        {
            return double.NaN;
        }

        _latencyTicks.Sort();
        var rank = Math.Clamp((int)Math.Ceiling(quantile * _latencyTicks.Count) - 1, 0, _latencyTicks.Count - 1);
        return _latencyTicks[rank] * 1000.0 / Stopwatch.Frequency;
    }
}
