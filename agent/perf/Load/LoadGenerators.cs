namespace Meshery.Agent.Perf.Load;

/// <summary>The load generators offered, by the names Meshery uses for them.</summary>
public static class LoadGenerators
{
    /// <summary>Closed loop: each connection sends its next request when the last one answered; latency is measured from the send.</summary>
    public const string Fortio = "fortio";

    /// <summary>Constant rate: requests are due on a fixed schedule; latency is measured from when each was due (coordinated omission corrected).</summary>
    public const string Wrk2 = "wrk2";

    public static IReadOnlyList<string> All { get; } = [Fortio, Wrk2];

    /// <summary>The generator's canonical name, or null when it is not offered (an empty name is Fortio, Meshery's default).</summary>
    public static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Fortio
        : All.FirstOrDefault(g => string.Equals(g, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
