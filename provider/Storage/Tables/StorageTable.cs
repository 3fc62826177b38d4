using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// One table as the stores use it: point reads, guarded writes, batches, counts and pages walked
/// with continuation tokens. Every entity written is checked against <see cref="EntityLimits"/>;
/// every write forgets the partition's cached continuation tokens. Conflicts (409), stale ETags
/// (412) and missing entities (404) reach the caller as <see cref="RequestFailedException"/> to
/// handle; every other failure becomes a <see cref="ProviderException"/>.
/// </summary>
public sealed partial class StorageTable
{
    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly TableStorage _storage;

    internal StorageTable(TableStorage storage, string name, TableClient client)
    {
        _storage = storage;
        Name = name;
        Client = client;
    }

    /// <summary>The table's name without the prefix (one of <see cref="TableNames"/>).</summary>
    public string Name { get; }

    public TableClient Client { get; }

    /// <summary><c>PartitionKey eq .. and RowKey ge .. and RowKey lt ..</c>: three comparisons.</summary>
    public static string RangeFilter(string partition, KeyRange range) =>
        $"PartitionKey eq {Literal(partition)} and RowKey ge {Literal(range.From)} and RowKey lt {Literal(range.To)}";

    /// <summary>A string as an OData literal, quotes doubled.</summary>
    public static string Literal(string value) => TableClient.CreateQueryFilter($"{value}");

    public Task<TableEntity?> GetAsync(string partition, string row, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var response = await Client.GetEntityIfExistsAsync<TableEntity>(partition, row, select, cancellationToken);
                return response.HasValue ? response.Value : null;
            },
            cancellationToken);

    public Task<ETag> AddAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(entity.PartitionKey, [entity], async () => (await Client.AddEntityAsync(entity, cancellationToken)).Headers.ETag ?? default, cancellationToken);

    /// <summary>Replaces the entity if its ETag is still <paramref name="ifMatch"/> (<see cref="ETag.All"/>: unconditionally).</summary>
    public Task<ETag> ReplaceAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken) =>
        WriteAsync(
            entity.PartitionKey,
            [entity],
            async () => (await Client.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default,
            cancellationToken);

    /// <summary>Inserts or replaces unconditionally.</summary>
    public Task<ETag> UpsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(
            entity.PartitionKey,
            [entity],
            async () => (await Client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default,
            cancellationToken);

    /// <summary>
    /// Runs an entity group transaction: all or nothing, one partition, at most 100 operations and
    /// 4 MiB. A single delete also goes through here when the caller must know whether it found the entity.
    /// </summary>
    public Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Response>>([]);
        }

        if (actions.Count > EntityLimits.MaxBatchOperations)
        {
            throw new ArgumentException($"A batch holds at most {EntityLimits.MaxBatchOperations} operations.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException("A batch must stay in one partition.", nameof(actions));
        }

        var entities = actions.Where(a => a.ActionType != TableTransactionActionType.Delete).Select(a => (TableEntity)a.Entity).ToArray();
        if (entities.Sum(EntityLimits.EstimateSize) > EntityLimits.MaxBatchBytes - (64 * 1024))
        {
            throw new ArgumentException($"A batch holds at most {EntityLimits.MaxBatchBytes} bytes.", nameof(actions));
        }

        return WriteAsync(
            partition,
            entities,
            async () => (IReadOnlyList<Response>)(await Client.SubmitTransactionAsync(actions, cancellationToken)).Value,
            cancellationToken);
    }

    /// <summary>Deletes the entity if its ETag is still <paramref name="ifMatch"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string partition, string row, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            await SubmitAsync([new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row) { ETag = ifMatch }, ifMatch)], cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private async Task<T> WriteAsync<T>(string partition, IReadOnlyList<TableEntity> entities, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        foreach (var entity in entities)
        {
            if (EntityLimits.Violation(entity) is { } violation)
            {
                throw ProviderException.Invalid($"The entity cannot be stored in table '{Name}': {violation}.");
            }
        }

        try
        {
            return await RunAsync(write, cancellationToken);
        }
        finally
        {
            _storage.Cache.Invalidate(Name, partition);
        }
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        try
        {
            return await action();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && ex.ErrorCode != "TableNotFound")
        {
            throw;
        }
        catch (RequestFailedException ex)
        {
            TableStorageLog.RequestFailed(_storage.Logger, Name, ex.Status, ex.ErrorCode, ex);
            throw Translate(ex);
        }
        catch (AggregateException ex)
        {
            TableStorageLog.RequestFailed(_storage.Logger, Name, 0, null, ex);
            throw new ProviderException(ProviderErrorKind.Unavailable, "Table storage cannot be reached; try again later.", ex);
        }
    }

    private ProviderException Translate(RequestFailedException ex) => ex.ErrorCode switch
    {
        "EntityTooLarge" or "PropertyValueTooLarge" or "RequestBodyTooLarge" or "TooManyProperties" =>
            new ProviderException(ProviderErrorKind.Invalid, $"Table storage refused the entity as too large ({ex.ErrorCode}).", ex),
        _ when ex.Status == 0 => new ProviderException(ProviderErrorKind.Unavailable, "Table storage cannot be reached; try again later.", ex),
        _ => new ProviderException(
            ProviderErrorKind.Unavailable,
            $"Table storage failed on table '{Name}' (status {ex.Status}, {ex.ErrorCode ?? "no error code"}).",
            ex),
    };
}
