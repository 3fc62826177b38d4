using Azure;
using Azure.Data.Tables;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Environments;

/// <summary>
/// Which connections belong to which environments, in table <c>environmentconnections</c>. Each
/// mapping is two rows of the tenant's partition, written and removed together in one batch:
/// <c>e|{environmentId}|{connectionId}</c> (an environment's connections: one key range) and
/// <c>c|{connectionId}|{environmentId}</c> (a connection's environments, for the cascade when it is deleted).
/// </summary>
public sealed class EnvironmentConnectionMap(TableStorage storage)
{
    private const string EnvironmentTag = "e";
    private const string ConnectionTag = "c";
    private const int PairsPerBatch = EntityLimits.MaxBatchOperations / 2;
    private static readonly string[] RowKeyOnly = ["RowKey"];

    private readonly StorageTable _table = storage.Table(TableNames.EnvironmentConnections);

    public static string EnvironmentRow(Guid environmentId, Guid connectionId) =>
        TableKeys.Compose(EnvironmentTag, TableKeys.Id(environmentId), TableKeys.Id(connectionId));

    public static string ConnectionRow(Guid connectionId, Guid environmentId) =>
        TableKeys.Compose(ConnectionTag, TableKeys.Id(connectionId), TableKeys.Id(environmentId));

    /// <summary>Maps the connection into the environment (idempotent).</summary>
    public Task AddAsync(string partition, Guid environmentId, Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TableEntity Row(string rowKey) => new(partition, rowKey)
        {
            ["EnvironmentId"] = TableKeys.Id(environmentId),
            ["ConnectionId"] = TableKeys.Id(connectionId),
            ["CreatedAt"] = TableTime.Format(now),
        };

        return _table.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(EnvironmentRow(environmentId, connectionId))),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(ConnectionRow(connectionId, environmentId))),
            ],
            cancellationToken);
    }

    /// <summary>Removes one mapping; false when it was not there (or another caller removed it first).</summary>
    public async Task<bool> RemoveAsync(string partition, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(partition, EnvironmentRow(environmentId, connectionId), RowKeyOnly, cancellationToken);
        if (row is null)
        {
            return false;
        }

        try
        {
            await _table.SubmitAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, EnvironmentRow(environmentId, connectionId)), row.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ConnectionRow(connectionId, environmentId)), ETag.All),
                ],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Mapped again (or removed and mapped again) since the read: this removal lost.
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Only half of the pair was there: remove what is left.
            await _table.DeleteAsync(partition, ConnectionRow(connectionId, environmentId), ETag.All, cancellationToken);
            try
            {
                return await _table.DeleteAsync(partition, EnvironmentRow(environmentId, connectionId), row.ETag, cancellationToken);
            }
            catch (RequestFailedException again) when (again.Status == 412)
            {
                return false;
            }
        }
    }

    /// <summary>The connections mapped into the environment.</summary>
    public async Task<IReadOnlyList<Guid>> ConnectionsOfAsync(string partition, Guid environmentId, int max, CancellationToken cancellationToken) =>
        await OtherSidesAsync(partition, TableKeys.Prefix(EnvironmentTag, TableKeys.Id(environmentId)), max, cancellationToken);

    /// <summary>The environments the connection is mapped into.</summary>
    public async Task<IReadOnlyList<Guid>> EnvironmentsOfAsync(string partition, Guid connectionId, int max, CancellationToken cancellationToken) =>
        await OtherSidesAsync(partition, TableKeys.Prefix(ConnectionTag, TableKeys.Id(connectionId)), max, cancellationToken);

    /// <summary>Removes every mapping of a deleted environment.</summary>
    public async Task RemoveEnvironmentAsync(string partition, Guid environmentId, int max, CancellationToken cancellationToken)
    {
        var connections = await ConnectionsOfAsync(partition, environmentId, max, cancellationToken);
        await RemovePairsAsync(partition, [.. connections.Select(c => (environmentId, c))], cancellationToken);
    }

    /// <summary>Removes every mapping of a deleted connection.</summary>
    public async Task RemoveConnectionAsync(string partition, Guid connectionId, int max, CancellationToken cancellationToken)
    {
        var environments = await EnvironmentsOfAsync(partition, connectionId, max, cancellationToken);
        await RemovePairsAsync(partition, [.. environments.Select(e => (e, connectionId))], cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> OtherSidesAsync(string partition, KeyRange range, int max, CancellationToken cancellationToken)
    {
        var rows = await _table.ScanAsync(StorageTable.RangeFilter(partition, range), RowKeyOnly, max, cancellationToken);
        return [.. rows.Select(r => Guid.Parse(r.RowKey.AsSpan(r.RowKey.LastIndexOf(TableKeys.Separator) + 1)))];
    }

    private async Task RemovePairsAsync(string partition, IReadOnlyList<(Guid Environment, Guid Connection)> pairs, CancellationToken cancellationToken)
    {
        foreach (var chunk in pairs.Chunk(PairsPerBatch))
        {
            var actions = chunk.SelectMany(p => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, EnvironmentRow(p.Environment, p.Connection)), ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ConnectionRow(p.Connection, p.Environment)), ETag.All),
            }).ToArray();
            try
            {
                await _table.SubmitAsync(actions, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // A row went meanwhile (a concurrent removal): delete the rest one by one.
                foreach (var action in actions)
                {
                    await _table.DeleteAsync(partition, action.Entity.RowKey, ETag.All, cancellationToken);
                }
            }
        }
    }
}
