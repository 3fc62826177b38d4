using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Events;

public sealed partial class TableEventStore
{
    public Task<int> UpdateStatusAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var checkedStatus = ContractValidation.OneOf(status, "status", EventStatuses.IsKnown, "");
        if (checkedStatus.Length == 0)
        {
            throw ProviderException.Invalid("'status' is required.");
        }

        var now = TableTime.Now(time);
        return BulkAsync(
            caller,
            ids,
            async (key, token) =>
            {
                try
                {
                    await _table.UpdateAsync(key, current => new(current.Value with { Status = checkedStatus, UpdatedAt = now }), null, token);
                    return true;
                }
                catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    public Task<int> DeleteAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return BulkAsync(caller, ids, DeleteOneAsync, cancellationToken);
    }

    /// <summary>Removes the event and its lookup row in one batch, guarded by the event's ETag.</summary>
    private async Task<bool> DeleteOneAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= storage.Options.MaxConcurrencyRetries; attempt++)
        {
            var current = await _table.ReadAsync(key, cancellationToken);
            if (current is null)
            {
                return false;
            }

            try
            {
                await _table.Table.SubmitAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.Partition, key.Row), current.ETag),
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.Partition, LookupRow((Guid)key.Id)), ETag.All),
                    ],
                    cancellationToken);
                await _table.DeleteBlobAsync(current.Blob);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed since the read: read again.
            }
        }

        throw new ProviderException(ProviderErrorKind.Unavailable, $"Event '{key.Id}' is being changed by too many writers at once; try again.");
    }

    private async Task<int> BulkAsync(
        ProviderCaller caller, IReadOnlyList<Guid> ids, Func<DocumentKey, CancellationToken, Task<bool>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        if (ids.Count > MaxBulkIds)
        {
            throw ProviderException.Invalid($"At most {MaxBulkIds} ids may be named at once.");
        }

        var partition = TableKeys.Tenant(caller.UserId);
        var changed = 0;
        await Parallel.ForEachAsync(
            ids.Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = storage.Options.MaxParallelReads, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                if (await FindAsync(partition, id, token) is { } key && await apply(key, token))
                {
                    Interlocked.Increment(ref changed);
                }
            });
        return changed;
    }
}
