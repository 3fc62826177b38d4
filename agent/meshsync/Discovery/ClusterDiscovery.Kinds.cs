using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

public sealed partial class ClusterDiscovery
{
    /// <summary>
    /// Starts an informer for each kind that should be watched and is not, and stops each that should not be and
    /// is; the others are left alone (no re-list). The CRD informer always runs: it feeds the custom kinds.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (_served is null)
        {
            return;
        }

        await _reconcile.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var config = _config;
            var wanted = new Dictionary<ResourceKey, ResourceType>();
            foreach (var type in _served.Where(t => DefaultResources.All.Contains(t.Key.GroupResource)))
            {
                if (type.Key == CrdKey || config.Watches(type.Key))
                {
                    wanted.TryAdd(type.Key, type);
                }
            }

            foreach (var type in _crdKinds.Values.Where(t => config.Watches(t.Key)))
            {
                wanted.TryAdd(type.Key, type);
            }

            foreach (var (key, informer) in _informers)
            {
                if (!wanted.TryGetValue(key, out var type) || type != informer.Type)
                {
                    await StopKindAsync(key, publishDeletes: !_crdKinds.Values.Any(t => t.Key == key) && !DefaultResources.All.Contains(key.GroupResource), cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            foreach (var (key, type) in wanted)
            {
                if (!_informers.ContainsKey(key))
                {
                    var informer = NewInformer(type);
                    _informers[key] = informer;
                    informer.Start();
                    MeshSyncLog.KindStarted(_logger, key.ToString());
                }
            }
        }
        finally
        {
            _reconcile.Release();
        }
    }

    /// <summary>
    /// Stops one kind's informer; for a removed CRD, its remaining objects are published as DELETED. Whatever the
    /// informer took out of its store before it stopped was handed on already (see <c>OnChangeAsync</c>).
    /// </summary>
    private async Task StopKindAsync(ResourceKey key, bool publishDeletes, CancellationToken cancellationToken)
    {
        if (!_informers.TryRemove(key, out var informer))
        {
            return;
        }

        await informer.DisposeAsync().ConfigureAwait(false);
        MeshSyncLog.KindStopped(_logger, key.ToString());

        // Emptied before the deletions are queued: a resync that still holds this store and queues references
        // behind them then finds nothing to send, instead of re-adding the objects after their deletion.
        List<StoredResource> deleted = publishDeletes && _config.Publishes(key, MeshSyncEventTypes.Deleted) ? [.. informer.Store.Items] : [];
        informer.Store.Clear();
        foreach (var item in deleted)
        {
            await _publisher.EnqueueEventAsync(MeshSyncEventTypes.Deleted, item, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tracks the CRDs' kinds; returns whether the set changed.</summary>
    private bool TrackCrd(string eventType, StoredResource resource, JsonElement raw)
    {
        if (eventType == MeshSyncEventTypes.Deleted)
        {
            return _crdKinds.TryRemove(resource.Uid, out _);
        }

        var type = ApiDiscovery.FromCrd(raw);
        if (type is null)
        {
            return _crdKinds.TryRemove(resource.Uid, out _);
        }

        if (_crdKinds.TryGetValue(resource.Uid, out var known) && known == type)
        {
            return false;
        }

        _crdKinds[resource.Uid] = type;
        return true;
    }

    async ValueTask IInformerSink.OnChangeAsync(ResourceInformer informer, string eventType, StoredResource resource, JsonElement raw, CancellationToken cancellationToken)
    {
        if (informer == _configInformer)
        {
            await OnConfigChangeAsync(eventType, resource, raw, cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = informer.Type.Key;
        if (_config.Publishes(key, eventType))
        {
            // Queued under discovery's own lifetime, not the informer's token: the informer's store already took
            // this change, so an informer stopped at this moment (its CRD removed) would otherwise lose it: it is
            // neither published here nor among the stored objects its stop publishes as DELETED.
            await _publisher.EnqueueEventAsync(eventType, resource, _stop.Token).ConfigureAwait(false);
        }

        if (key == CrdKey && TrackCrd(eventType, resource, raw))
        {
            // Reconcile off the CRD informer's own loop: it may wait for other informers to stop.
            _ = Task.Run(() => ReconcileQuietlyAsync(_stop.Token), CancellationToken.None);
        }
    }

    void IInformerSink.OnListed(ResourceInformer informer)
    {
    }

    private async Task ReconcileQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (ObjectDisposedException)
        {
            // stopped
        }
    }
}
