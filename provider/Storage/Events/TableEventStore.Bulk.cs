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

    private async Task<bool> DeleteOneAsync(DocumentKey key, CancellationToken cancellationToken) =>
        await _table.DeleteAsync(key, cancellationToken) is not null;

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
                if (await apply(new DocumentKey(partition, EventRow(id), id), token))
                {
                    Interlocked.Increment(ref changed);
                }
            });
        return changed;
    }
}
