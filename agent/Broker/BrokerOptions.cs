using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Broker;

/// <summary>
/// Where the agent's NATS broker is. With no <see cref="Url"/> the agent starts <c>nats-server</c> itself
/// on <see cref="Host"/>:<see cref="Port"/> (monitoring on <see cref="MonitorPort"/>) and stops it on shutdown.
/// </summary>
public sealed class BrokerOptions
{
    public const string Section = "Meshery:Broker";

    /// <summary>An existing broker, e.g. <c>nats://127.0.0.1:4222</c> (may carry a token: <c>nats://token@host:4222</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The <c>nats-server</c> executable to start; found on PATH or in /usr/sbin when empty.</summary>
    public string? Executable { get; set; }

    /// <summary>Address the child broker listens on.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Client port of the child broker.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 4222;

    /// <summary>HTTP monitoring port of the child broker (MeshSync polls <c>/connz</c> there).</summary>
    [Range(1, 65535)]
    public int MonitorPort { get; set; } = 8222;

    /// <summary>How long to wait for the child broker to accept connections.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The name this agent's connection shows in the broker's <c>/connz</c>.</summary>
    [Required]
    public string ConnectionName { get; set; } = "meshery-server";

    /// <summary>First wait before reconnecting; doubles up to <see cref="ReconnectWaitMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectWaitMin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ReconnectWaitMax { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages a subscription may hold before the reader waits for it (each holds its payload in memory).</summary>
    [Range(1024, 10_000_000)]
    public int SubscriptionCapacity { get; set; } = 2_048;

    /// <summary>The URL clients use: <see cref="Url"/>, else the child broker's address.</summary>
    public string EffectiveUrl => string.IsNullOrWhiteSpace(Url) ? $"nats://{Host}:{Port}" : Url;

    /// <summary>True when the agent must start its own broker.</summary>
    public bool StartsChild => string.IsNullOrWhiteSpace(Url);
}
