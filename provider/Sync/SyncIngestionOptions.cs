using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Sync;

/// <summary>Limits of the sync ingestion endpoint (<c>Meshery:Provider:Sync</c>).</summary>
public sealed class SyncIngestionOptions
{
    public const string Section = "Meshery:Provider:Sync";

    /// <summary>Largest body accepted; a larger one answers 413 before it is read.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most events in one batch; more answers 413.</summary>
    [Range(1, 10_000)]
    public int MaxEvents { get; set; } = 1000;
}
