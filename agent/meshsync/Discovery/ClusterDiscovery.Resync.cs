using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

public sealed partial class ClusterDiscovery
{
    /// <summary>
    /// Re-publishes the whole store (each object as ADDED, with its state when its turn comes), after the
    /// remembered deletions; with <paramref name="relist"/> every informer re-lists too (unchanged objects are
    /// not published twice by the re-list itself).
    /// </summary>
    public async Task ResyncAsync(bool relist, CancellationToken cancellationToken)
    {
        if (relist)
        {
            foreach (var informer in _informers.Values)
            {
                informer.RequestRelist();
            }
        }

        var deletes = _publisher.RecentDeletes.Snapshot();
        foreach (var deleted in deletes)
        {
            await _publisher.EnqueueDeleteAsync(deleted, cancellationToken).ConfigureAwait(false);
        }

        var count = 0;
        foreach (var informer in _informers.Values.ToList())
        {
            if (!_config.Publishes(informer.Type.Key, MeshSyncEventTypes.Added))
            {
                continue;
            }

            foreach (var uid in informer.Store.Uids)
            {
                await _publisher.EnqueueReferenceAsync(informer.Store, uid, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        MeshSyncLog.Resyncing(_logger, count, deletes.Count);
    }

    /// <summary>Every stored object now, of the kinds the watch-list allows (for informer-store replies).</summary>
    internal IEnumerable<StoredResource> StoreSnapshot() =>
        _informers.Values.ToList()
            .Where(i => _config.Watches(i.Type.Key))
            .SelectMany(i => i.Store.Items);

    private Task ResyncAfterReconnectAsync(CancellationToken cancellationToken) => ResyncAsync(relist: false, cancellationToken);
}
