using System.Diagnostics;

namespace Meshery.Testing.Waiting;

/// <summary>Polls a condition until it holds or a deadline passes (no fixed sleeps in tests).</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> condition, TimeSpan deadline, Func<T, string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"not within {deadline.TotalSeconds:0.#} s: {describe(value)}");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
