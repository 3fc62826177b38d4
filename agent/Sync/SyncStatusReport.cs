namespace Meshery.Agent.Sync;

/// <summary>The answer of <c>GET /api/system/sync</c>: where the outbox stands.</summary>
public sealed record SyncStatusReport
{
    /// <summary>Whether changes are recorded for a remote provider at all.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>disabled</c>, <c>waiting-for-session</c>, <c>idle</c>, <c>sending</c> or <c>backing-off</c>.</summary>
    public string State { get; set; } = "";

    /// <summary>Changes recorded and not yet acknowledged by the provider.</summary>
    public long Pending { get; set; }

    /// <summary>Changes the provider acknowledged since the agent started.</summary>
    public long Sent { get; set; }

    /// <summary>Of <see cref="Sent"/>, those the provider had already applied (a batch sent again).</summary>
    public long Duplicates { get; set; }

    /// <summary>
    /// Changes the provider refused on their own (400, 413, 422), kept aside in the agent's database with the reason
    /// so the changes behind them could go on.
    /// </summary>
    public long Rejected { get; set; }

    public DateTimeOffset? LastAttempt { get; set; }

    public DateTimeOffset? LastSuccess { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>When the next attempt is due while backing off.</summary>
    public DateTimeOffset? NextAttempt { get; set; }
}
