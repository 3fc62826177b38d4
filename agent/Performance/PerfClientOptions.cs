namespace Meshery.Agent.Performance;

/// <summary>Where the agent's run endpoint finds Meshery Perf (<c>Meshery:Agent:Perf</c>).</summary>
public sealed class PerfClientOptions
{
    public const string Section = "Meshery:Agent:Perf";

    public const string DefaultAddress = "http://localhost:10013";

    /// <summary>
    /// Meshery Perf's gRPC address. When unset: this process's own Meshery Perf when the perf module is on, else
    /// <see cref="DefaultAddress"/>.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Longest wait for a connection to Meshery Perf.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
