using System.Diagnostics;

namespace Meshery.Testing.Waiting;

/// <summary>Polls a condition until it holds or a deadline passes (no fixed sleeps in tests).</summary>
public static class Eventually
{
    /// <summary>The probe's value once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, CancellationToken cancellationToken, int seconds = 20) =>
        HoldsAsync(probe, condition, TimeSpan.FromSeconds(seconds), _ => what, cancellationToken);

    /// <summary>The probe's value once <paramref name="condition"/> holds; after <paramref name="deadline"/> throws, describing the last value.</summary>
    public static async Task<T> HoldsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> condition, TimeSpan deadline, Func<T, string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe().ConfigureAwait(false);
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"not within {deadline.TotalSeconds:0.#} s: {describe(value)}");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
