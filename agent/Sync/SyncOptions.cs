using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Sync;

/// <summary>How the agent sends its outbox to the remote provider (<c>Meshery:Agent:Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Meshery:Agent:Sync";

    /// <summary>Most events in one batch.</summary>
    [Range(1, 1000)]
    public int MaxBatchEvents { get; set; } = 100;

    /// <summary>Largest batch body; a batch over it is split (the provider accepts 4 MiB by default).</summary>
    [Range(4096, 64L * 1024 * 1024)]
    public long MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>How often the outbox is looked at while there is a session and nothing failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a failed send; each failure in a row doubles it up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);
}
