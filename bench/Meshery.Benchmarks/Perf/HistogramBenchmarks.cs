using BenchmarkDotNet.Attributes;
using Meshery.Agent.Perf.Histograms;

namespace Meshery.Benchmarks.Perf;

/// <summary>
/// What recording one latency costs the generator: into the fixed log-linear histogram, against the least work that
/// keeps every value (a preallocated array), over the same values.
/// </summary>
[MemoryDiagnoser]
public class HistogramBenchmarks
{
    private const int Values = 100_000;
    private readonly long[] _latencies = new long[Values];
    private readonly long[] _kept = new long[Values];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Values; i++)
        {
            // Microseconds, mostly around a millisecond with a long tail.
            _latencies[i] = (long)(200 + (random.NextDouble() * random.NextDouble() * 50_000));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Values)]
    public long KeepEveryValue()
    {
        for (var i = 0; i < Values; i++)
        {
            _kept[i] = _latencies[i];
        }

        return _kept[^1];
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public long RecordInHistogram()
    {
        var histogram = new LogLinearHistogram();
        for (var i = 0; i < Values; i++)
        {
            histogram.Record(_latencies[i]);
        }

        return histogram.Count;
    }
}
