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

    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Status, GetStatusAsync).WithTags("System").WithName("GetSyncStatus");
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
}
