using Microsoft.Data.Sqlite;

namespace Meshery.Agent.ClusterCache;

public sealed partial class ClusterCacheWriter
{
    private const int MaxTombstones = 200_000;

    private async Task<bool> ApplyAsync(SqliteConnection connection, WriterCommands commands, List<CacheChange> batch, CancellationToken cancellationToken)
    {
        var publish = _feed.HasSubscribers ? new List<ResourceChange>(batch.Count) : null;
        var written = 0;
        var swept = false;
        _deltas.Clear();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            // A failed batch is retried whole; replaying it leaves the tombstones as one pass would.
            commands.Enlist(transaction);
            foreach (var change in batch)
            {
                swept |= change.Kind == CacheChangeKind.Sweep;
                written += change.Kind switch
                {
                    CacheChangeKind.Upsert or CacheChangeKind.StoreUpsert => Upsert(commands, change, publish),
                    CacheChangeKind.Delete => Delete(commands, change, publish),
                    CacheChangeKind.Sweep => await SweepAsync(commands, change, publish, cancellationToken),
                    _ => 0,
                };
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // A sweep recounts from the table, so the counts never drift for longer than one store answer.
        if (swept)
        {
            _counts.Load(await WriterCommands.CountsAsync(connection, cancellationToken));
        }
        else
        {
            _counts.Apply(_deltas);
        }

        Interlocked.Add(ref _applied, written);
        Interlocked.Increment(ref _batches);
        if (publish is { Count: > 0 })
        {
            _feed.Publish(publish);
        }

        foreach (var change in batch)
        {
            change.Applied?.TrySetResult();
        }

        return true;
    }

    private int Upsert(WriterCommands commands, CacheChange change, List<ResourceChange>? publish)
    {
        var row = change.Row!;
        var rv = row.ResourceVersionNumber;
        if (change.Kind == CacheChangeKind.StoreUpsert)
        {
            if (_tombstones.TryGetValue(row.Id, out var tomb) && (rv < 0 || tomb.ResourceVersion < 0 || rv <= tomb.ResourceVersion))
            {
                // Deleted after the store answer was taken: the answer is stale for this object.
                return 0;
            }
        }
        else
        {
            _tombstones.Remove(row.Id);
        }

        var (rowId, ours, created) = commands.Upsert(row, rv, change.Generation, change.Kind == CacheChangeKind.StoreUpsert);
        if (created)
        {
            // MeshSync's id is derived from cluster, kind, apiVersion, namespace and name, so an update never moves a row between groups.
            Count(new ResourceCounts.GroupKey(row.ClusterId, row.Kind, row.Namespace), +1);
        }

        if (!ours)
        {
            return 0;
        }

        commands.ReplaceLabels(rowId, row.Labels, created);
        publish?.Add(ToChange(change.EventType, row, change.ReceivedTimestamp, withObject: true));
        return 1;
    }

    private int Delete(WriterCommands commands, CacheChange change, List<ResourceChange>? publish)
    {
        var row = change.Row!;
        if (_tombstones.Count >= MaxTombstones)
        {
            _tombstones.Clear();
        }

        _tombstones[row.Id] = (row.ClusterId, row.ResourceVersionNumber);
        if (commands.Delete(row.Id) is not { } deleted)
        {
            return 0;
        }

        Count(deleted.Group, -1);
        commands.ReplaceLabels(deleted.RowId, [], created: false);
        publish?.Add(ToChange(ResourceEventTypes.Deleted, row, change.ReceivedTimestamp, withObject: false));
        return 1;
    }

    private async Task<int> SweepAsync(WriterCommands commands, CacheChange change, List<ResourceChange>? publish, CancellationToken cancellationToken)
    {
        foreach (var id in _tombstones.Where(t => t.Value.ClusterId == change.ClusterId).Select(t => t.Key).ToList())
        {
            _tombstones.Remove(id);
        }

        var removed = await commands.SweepAsync(change.ClusterId, change.Generation, cancellationToken);
        if (publish is not null)
        {
            publish.AddRange(removed.Select(r => r with { ReceivedTimestamp = change.ReceivedTimestamp }));
        }

        return removed.Count;
    }

    private void Count(ResourceCounts.GroupKey group, int delta) => _deltas[group] = _deltas.GetValueOrDefault(group) + delta;

    private static ResourceChange ToChange(string eventType, ResourceRow row, long received, bool withObject) =>
        new(eventType, row.ClusterId, row.Id, row.Kind, row.ApiVersion, row.Namespace, row.Name, row.ResourceVersion, withObject ? row.Object : null, received);
}
