using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.ClusterCache;

/// <summary>The cluster cache: its own SQLite file, write batching, store sync and API limits.</summary>
public sealed class ClusterCacheOptions
{
    public const string Section = "Meshery:ClusterCache";

    /// <summary>The cache's SQLite file; <c>meshsync.db</c> beside the Local provider's database when empty.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>How long a reader waits for a lock before failing with a clear error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most changes written in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Longest a change waits before its batch is written (the writer flushes sooner when idle).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan MaxFlushDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Changes queued for the writer before the subscriber waits. Two batches keep the writer busy; more only
    /// keeps rows alive long enough to be promoted to gen2 as garbage (memory, not speed).
    /// </summary>
    [Range(100, 10_000_000)]
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>
    /// A cluster's answer to <c>informer-store</c> is complete when nothing more arrived for this long;
    /// then rows of that cluster the answer did not name are removed (deletes missed while disconnected).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan StoreQuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Changes buffered for one change-stream client; a client further behind is told to resync and closed.</summary>
    [Range(16, 1_000_000)]
    public int StreamBufferSize { get; set; } = 10_000;

    /// <summary>Most change-stream clients at once.</summary>
    [Range(1, 10_000)]
    public int MaxStreamClients { get; set; } = 100;

    /// <summary>Most <c>label</c> filters in one query.</summary>
    [Range(1, 64)]
    public int MaxLabelFilters { get; set; } = 8;

    public static string DefaultPath(string? providerDatabasePath)
    {
        var folder = string.IsNullOrWhiteSpace(providerDatabasePath)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".meshery", "config")
            : Path.GetDirectoryName(Path.GetFullPath(providerDatabasePath))!;
        return Path.Combine(folder, "meshsync.db");
    }
}
