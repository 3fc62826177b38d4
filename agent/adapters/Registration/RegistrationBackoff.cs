namespace Meshery.Agent.Adapters.Registration;

/// <summary>
/// Upstream's registration backoff: starts at the initial wait, grows 1.5 times per failure up to the cap, each
/// wait jittered by ±50 %. It never gives up (upstream stops after 10 minutes; adapters here wait for the server).
/// </summary>
public sealed class RegistrationBackoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    public const double Multiplier = 1.5;
    public const double Jitter = 0.5;

    private readonly Random _random = random ?? Random.Shared;
    private TimeSpan _current = initial;

    /// <summary>The wait before the next try; the one after it is longer.</summary>
    public TimeSpan Next()
    {
        var wait = _current * (1 + (Jitter * ((2 * _random.NextDouble()) - 1)));
        var grown = _current * Multiplier;
        _current = grown > max ? max : grown;
        return wait;
    }
}
