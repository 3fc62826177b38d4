namespace Meshery.Agent.Perf.Load;

/// <summary>
/// When one connection's requests are due, in <see cref="TimeProvider"/> timestamps. A paced connection sends its
/// share of the rate (qps / connections), its slots offset from the other connections' so the test's requests are
/// evenly spread; an unpaced one sends as fast as answers come. Nothing is sent at or after <see cref="End"/>.
/// </summary>
internal readonly record struct LoadSchedule(long Start, long End, double FirstSlotTicks, double TicksPerSlot, bool FromDueTime)
{
    public bool IsPaced => TicksPerSlot > 0;

    public long DueAt(long slot) => Start + (long)(FirstSlotTicks + (slot * TicksPerSlot));

    /// <summary>The schedule of connection <paramref name="index"/> of <paramref name="test"/>.</summary>
    public static LoadSchedule For(LoadTest test, int index, long start, long end, long frequency)
    {
        if (test.Qps <= 0)
        {
            return new LoadSchedule(start, end, 0, 0, FromDueTime: false);
        }

        var ticksBetweenRequests = frequency / test.Qps;
        return new LoadSchedule(start, end, index * ticksBetweenRequests, ticksBetweenRequests * test.Connections, test.IsConstantRate);
    }
}
