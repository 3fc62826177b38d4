using Meshery.Agent.LocalProvider.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Sync;

public static class SyncEndpoints
{
    public const string Status = "/api/system/sync";

    public const string Rejected = "/api/system/sync/rejected";

    /// <summary>The most refused changes one answer lists (oldest first).</summary>
    public const int MaxRejectedListed = 500;

    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Status, GetStatusAsync).WithTags("System").WithName("GetSyncStatus");
        app.MapGet(Rejected, ListRejectedAsync).WithTags("System").WithName("ListRejectedSyncChanges");
        return app;
    }

    /// <summary>Pending changes, the last success and the last error of the sender.</summary>
    public static async Task<Ok<SyncStatusReport>> GetStatusAsync(
        SqliteOutbox outbox, SyncProgress progress, IOptions<OutboxOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(options);
        var pending = await outbox.CountAsync(cancellationToken);
        var rejected = await outbox.CountRejectedAsync(cancellationToken);
        return TypedResults.Ok(progress.Snapshot(options.Value.Enabled == true, pending, rejected));
    }

    /// <summary>The changes the provider refused on their own, oldest first (at most <see cref="MaxRejectedListed"/>), with its reasons.</summary>
    public static async Task<Ok<List<RejectedChange>>> ListRejectedAsync(SqliteOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var rows = await outbox.ListRejectedAsync(MaxRejectedListed, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new RejectedChange
        {
            Id = r.EventId,
            Type = r.Type,
            Subject = r.Subject,
            Time = r.Time,
            Reason = r.Reason,
            RejectedAt = r.RejectedAt,
        }).ToList());
    }
}
