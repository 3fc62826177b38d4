using System.Numerics;

namespace Meshery.Agent.Perf.Histograms;

/// <summary>
/// Counts of non-negative whole values (microseconds, bytes) in a fixed set of buckets, so memory does not grow
/// with the number of values: values below 128 each have their own bucket; above, every power of two is split into
/// 64 equal buckets, so a bucket is at most 1/64 (1.6 %) of its values wide. Exact count, min, max, sum and sum of
/// squares are kept beside the buckets. Not thread-safe: each connection records into its own and they are merged.
/// </summary>
public sealed class LogLinearHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int ExactLimit = 2 * SubBuckets;
    private const int MaxExponent = 40;

    /// <summary>Number of buckets (fixed).</summary>
    public const int BucketCount = ExactLimit + ((MaxExponent - SubBucketBits) * SubBuckets);

    /// <summary>Largest value kept as itself; larger ones count in the last bucket (about 12.7 days in microseconds).</summary>
    public const long MaxValue = (1L << (MaxExponent + 1)) - 1;

    private readonly long[] _counts = new long[BucketCount];

    public long Count { get; private set; }

    public long Min { get; private set; } = long.MaxValue;

    public long Max { get; private set; }

    public double Sum { get; private set; }

    public double SumOfSquares { get; private set; }

    public double Average => Count == 0 ? 0 : Sum / Count;

    public double StdDev
    {
        get
        {
            if (Count == 0)
            {
                return 0;
            }

            var average = Average;
            var variance = (SumOfSquares / Count) - (average * average);
            return variance <= 0 ? 0 : Math.Sqrt(variance);
        }
    }

    public void Record(long value)
    {
        var clamped = Math.Clamp(value, 0, MaxValue);
        _counts[IndexOf(clamped)]++;
        Count++;
        Min = Math.Min(Min, clamped);
        Max = Math.Max(Max, clamped);
        Sum += clamped;
        SumOfSquares += (double)clamped * clamped;
    }

    /// <summary>Adds <paramref name="other"/>'s values to this one.</summary>
    public void Merge(LogLinearHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
    }

    /// <summary>
    /// The value below which <paramref name="percentile"/> percent of the values lie: found in its bucket and placed
    /// in it by linear interpolation (as Fortio does), within the recorded min and max.
    /// </summary>
    public double Percentile(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Clamp(percentile, 0, 100) / 100 * Count;
        long below = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            var count = _counts[i];
            if (count == 0)
            {
                continue;
            }

            if (below + count >= rank)
            {
                var (start, end) = Bounds(i);
                var low = Math.Max(start, Min);
                var high = Math.Min(end, Max);
                var value = low + ((high - low) * (rank - below) / count);
                return Math.Clamp(value, Min, Max);
            }

            below += count;
        }

        return Max;
    }

    /// <summary>The non-empty buckets, lowest first, each with the cumulative percent of values up to its end.</summary>
    public IEnumerable<HistogramBucket> Buckets()
    {
        long cumulative = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            var count = _counts[i];
            if (count == 0)
            {
                continue;
            }

            cumulative += count;
            var (start, end) = Bounds(i);
            yield return new HistogramBucket(Math.Max(start, Min), Math.Min(end, Max), 100.0 * cumulative / Count, count);
        }
    }

    internal static int IndexOf(long value)
    {
        if (value < ExactLimit)
        {
            return (int)value;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var mantissa = (int)(value >> (exponent - SubBucketBits));
        return ExactLimit + ((exponent - SubBucketBits - 1) * SubBuckets) + (mantissa - SubBuckets);
    }

    /// <summary>The bucket's start (inclusive) and end (exclusive).</summary>
    internal static (long Start, long End) Bounds(int index)
    {
        if (index < ExactLimit)
        {
            return (index, index + 1);
        }

        var offset = index - ExactLimit;
        var exponent = SubBucketBits + 1 + (offset / SubBuckets);
        var mantissa = SubBuckets + (offset % SubBuckets);
        var shift = exponent - SubBucketBits;
        return ((long)mantissa << shift, (long)(mantissa + 1) << shift);
    }
}
