namespace Meshery.Agent.Operator;

/// <summary>Exponential backoff with jitter, doubling from <c>initial</c> to <c>max</c>; not thread-safe.</summary>
internal sealed class OperatorBackoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 20);
        var ticks = Math.Min(max.Ticks, initial.Ticks * (1L << exponent));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)(ticks * jitter));
    }

    public void Reset() => _failures = 0;
}
