using Meshery.Agent.Perf.Histograms;

namespace Meshery.Agent.Perf.Tests.Histograms;

public sealed class LogLinearHistogramTests
{
    [Fact(Timeout = 10_000)]
    public void Percentiles_of_known_latencies_are_within_a_bucket_width()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        // 1 ms, 2 ms, ... 1000 ms in microseconds: the k-th percentile is k * 10 ms.
        var histogram = new LogLinearHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(ms * 1000L);
        }

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(1_000, histogram.Min);
        Assert.Equal(1_000_000, histogram.Max);
        Assert.Equal(500_500, histogram.Average, 6);
        Assert.Equal(288_674.9, histogram.StdDev, 0.5);
        foreach (var (percentile, expected) in new[] { (50.0, 500_000.0), (75, 750_000), (90, 900_000), (99, 990_000), (99.9, 999_000) })
        {
            var value = histogram.Percentile(percentile);
            Assert.True(Math.Abs(value - expected) <= expected / 64, $"p{percentile} = {value}, expected {expected} within 1/64");
        }

        Assert.Equal(1_000_000, histogram.Percentile(100));
        Assert.Equal(1_000, histogram.Percentile(0));
    }

    [Fact(Timeout = 10_000)]
    public void Small_values_have_buckets_of_their_own()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var histogram = new LogLinearHistogram();
        for (var us = 0; us < 100; us++)
        {
            histogram.Record(us);
        }

        Assert.Equal(50, histogram.Percentile(50), 6);
        Assert.Equal(90, histogram.Percentile(90), 6);
        Assert.Equal(100, histogram.Buckets().Count());
        Assert.All(histogram.Buckets(), b => Assert.Equal(1, b.Count));
        Assert.Equal(100, histogram.Buckets().Last().Percent, 6);
    }

    [Fact(Timeout = 10_000)]
    public void Every_value_falls_in_the_bucket_whose_bounds_hold_it()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        foreach (var value in new long[] { 0, 1, 127, 128, 129, 255, 256, 1000, 65_535, 1_000_000, 123_456_789, LogLinearHistogram.MaxValue })
        {
            var index = LogLinearHistogram.IndexOf(value);
            var (start, end) = LogLinearHistogram.Bounds(index);
            Assert.InRange(index, 0, LogLinearHistogram.BucketCount - 1);
            Assert.True(start <= value && value < end, $"{value} in bucket {index} [{start}, {end})");
            Assert.True(end - start <= Math.Max(1, start / 64), $"bucket {index} [{start}, {end}) is wider than 1/64");
        }
    }

    [Fact(Timeout = 10_000)]
    public void Merged_histograms_equal_one_that_recorded_everything()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => (long)random.Next(1, 5_000_000)).ToArray();
        var all = new LogLinearHistogram();
        var parts = new[] { new LogLinearHistogram(), new LogLinearHistogram(), new LogLinearHistogram() };
        for (var i = 0; i < values.Length; i++)
        {
            all.Record(values[i]);
            parts[i % parts.Length].Record(values[i]);
        }

        var merged = new LogLinearHistogram();
        foreach (var part in parts)
        {
            merged.Merge(part);
        }

        Assert.Equal(all.Count, merged.Count);
        Assert.Equal(all.Min, merged.Min);
        Assert.Equal(all.Max, merged.Max);
        Assert.Equal(all.Sum, merged.Sum);
        Assert.Equal(all.Buckets(), merged.Buckets());
        Assert.Equal(all.Percentile(99.9), merged.Percentile(99.9));
    }

    [Fact(Timeout = 10_000)]
    public void Recording_takes_no_memory_beyond_the_fixed_buckets()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var histogram = new LogLinearHistogram();
        histogram.Record(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (long value = 0; value < 1_000_000; value++)
        {
            histogram.Record(value * 977);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1_000_001, histogram.Count);
    }

    [Fact(Timeout = 10_000)]
    public void An_empty_histogram_reports_zeros()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var histogram = new LogLinearHistogram();
        Assert.Equal(0, histogram.Percentile(99));
        Assert.Equal(0, histogram.Average);
        Assert.Equal(0, histogram.StdDev);
        Assert.Empty(histogram.Buckets());
    }
}
