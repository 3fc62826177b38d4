using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Sync;

/// <summary>
/// The dedupe record of applied sync events: one row per (source, id) in the caller's partition of
/// <see cref="TableNames.SyncEvents"/>, written after the event is applied. A replayed event finds its row
/// and is not applied again; a crash between applying and recording replays an idempotent write.
/// </summary>
public sealed class SyncLedger(TableStorage storage, TimeProvider time)
{
    private static readonly string[] KeyOnly = ["RowKey"];

    public async Task<bool> SeenAsync(ProviderCaller caller, string source, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await Table().GetAsync(TableKeys.Tenant(caller.UserId), Row(source, id), KeyOnly, cancellationToken) is not null;
    }

    public async Task RecordAsync(ProviderCaller caller, string source, string id, string type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var entity = new TableEntity(TableKeys.Tenant(caller.UserId), Row(source, id))
        {
            ["Source"] = source,
            ["EventId"] = id,
            ["Type"] = type,
            ["AppliedAt"] = time.GetUtcNow(),
        };
        try
        {
            await Table().UpsertAsync(entity, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
        {
            // Recorded by a concurrent delivery of the same event.
        }
    }

    /// <summary>A row key from any source and id (both may hold characters row keys refuse).</summary>
    public static string Row(string source, string id)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(id);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + id)));
    }

    private StorageTable Table() => storage.Table(TableNames.SyncEvents);
}
