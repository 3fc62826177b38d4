using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Perf.Hosting;

/// <summary>Settings of Meshery Perf (<c>Meshery:Perf</c>): where it listens and the limits every test is held to.</summary>
public sealed class PerfOptions
{
    public const string Section = "Meshery:Perf";

    /// <summary>The gRPC port (HTTP/2 cleartext); Meshery's ports table gives Meshery Perf 10013. 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 10013;

    /// <summary>Address to listen on: <c>*</c> for every interface, <c>localhost</c>, or an IP address.</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>Longest test accepted.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Highest requested rate accepted (requests per second over all connections).</summary>
    [Range(1, 1_000_000)]
    public double MaxQps { get; set; } = 100_000;

    /// <summary>Most connections one test may open. Each holds two fixed-size histograms (about 36 KiB).</summary>
    [Range(1, 4096)]
    public int MaxConnections { get; set; } = 256;

    /// <summary>Largest request body accepted.</summary>
    [Range(0, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest one request may take before it counts as an error (code -1).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running test reports its progress.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tests run at once; a test asked for beyond this is refused (they would distort each other's numbers).</summary>
    [Range(1, 64)]
    public int MaxConcurrentTests { get; set; } = 4;
}
