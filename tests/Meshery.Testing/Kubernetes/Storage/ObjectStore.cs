using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Watches;

namespace Meshery.Testing.Kubernetes.Storage;

/// <summary>
/// In-memory storage of every resource, with one cluster-wide resourceVersion. All writes, watch
/// registrations and history reads happen under one lock, so a watch started from a resourceVersion
/// sees exactly the events after it; reads of a table are snapshots of an immutable list.
/// </summary>
internal sealed partial class ObjectStore(int historySize)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceTable> _tables = new(StringComparer.Ordinal);
    private long _resourceVersion;

    public IStoreObserver? Observer { get; set; }

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public StoredObject? Get(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            var table = TableFor(type);
            var index = table.IndexOf(Meta.Key(ns, name));
            return index >= 0 ? table.Items[index] : null;
        }
    }

    public (ImmutableList<StoredObject> Items, long ResourceVersion) Snapshot(ResourceType type)
    {
        lock (_gate)
        {
            return (TableFor(type).Items, _resourceVersion);
        }
    }

    /// <summary>
    /// Reads the current object, lets <paramref name="decide"/> choose, and commits: a new resourceVersion,
    /// the watch event, and removal when a deleting object has lost its last finalizer.
    /// </summary>
    public WriteResult Write(ResourceType type, string? ns, string name, Func<JsonObject?, WriteDecision> decide, bool dryRun = false)
    {
        lock (_gate)
        {
            var table = TableFor(type);
            var index = table.IndexOf(Meta.Key(ns, name));
            var current = index >= 0 ? table.Items[index] : null;
            var decision = decide(current?.ToJsonObject());
            switch (decision.Action)
            {
                case WriteAction.Fail:
                    return new WriteResult(null, decision.Status, false, false);
                case WriteAction.Keep:
                    return new WriteResult(current, null, false, false);
                case WriteAction.Store when !IsFinalized(decision.Object!):
                    return Store(type, table, index, current, decision.Object!, dryRun);
                default:
                    if (current is null)
                    {
                        return new WriteResult(null, KubeStatus.NotFound(type, name), false, false);
                    }

                    return Remove(type, table, index, current, decision.Object ?? current.ToJsonObject(), dryRun);
            }
        }
    }

    private WriteResult Store(ResourceType type, ResourceTable table, int index, StoredObject? current, JsonObject obj, bool dryRun)
    {
        if (dryRun)
        {
            return new WriteResult(StoredObject.Freeze(obj, current?.ResourceVersion ?? 0), null, current is null, false);
        }

        var rv = ++_resourceVersion;
        Meta.Of(obj)["resourceVersion"] = Meta.RvString(rv);
        var stored = StoredObject.Freeze(obj, rv);
        table.Put(index, stored);
        table.Publish(new WatchEvent(current is null ? WatchEventKind.Added : WatchEventKind.Modified, stored, current));
        Observer?.Stored(type, obj);
        return new WriteResult(stored, null, current is null, false);
    }

    private WriteResult Remove(ResourceType type, ResourceTable table, int index, StoredObject current, JsonObject last, bool dryRun)
    {
        if (dryRun)
        {
            return new WriteResult(current, null, false, true);
        }

        var rv = ++_resourceVersion;
        Meta.Of(last)["resourceVersion"] = Meta.RvString(rv);
        var stored = StoredObject.Freeze(last, rv);
        table.RemoveAt(index);
        table.Publish(new WatchEvent(WatchEventKind.Deleted, stored, current));
        Observer?.Removed(type, last);
        return new WriteResult(stored, null, false, true);
    }

    private static bool IsFinalized(JsonObject obj) =>
        Meta.DeletionTimestamp(obj) is not null && Meta.Finalizers(obj).Count == 0;

    /// <summary>Removes every object of a resource (its CRD went away) and ends its watches.</summary>
    public void DropTable(ResourceType type)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(type.GroupResource, out var table))
            {
                return;
            }

            for (var i = table.Items.Count - 1; i >= 0; i--)
            {
                var current = table.Items[i];
                Remove(type, table, i, current, current.ToJsonObject(), dryRun: false);
            }

            foreach (var watcher in table.Watchers)
            {
                watcher.Close();
            }

            _tables.Remove(type.GroupResource);
        }
    }

    /// <summary>Deletes (or marks for deletion, when finalized) every object in a deleted namespace.</summary>
    public void RemoveNamespaceContents(IEnumerable<ResourceType> namespacedTypes, string ns, string deletionTimestamp)
    {
        lock (_gate)
        {
            foreach (var type in namespacedTypes.DistinctBy(t => t.GroupResource))
            {
                var table = TableFor(type);
                foreach (var item in table.Items.Where(o => o.Namespace == ns).ToList())
                {
                    Write(type, ns, item.Name, current =>
                    {
                        if (current is null || Meta.Finalizers(current).Count == 0)
                        {
                            return WriteDecision.Remove();
                        }

                        Meta.Of(current)["deletionTimestamp"] ??= deletionTimestamp;
                        return WriteDecision.Store(current);
                    });
                }
            }
        }
    }

    private ResourceTable TableFor(ResourceType type)
    {
        if (!_tables.TryGetValue(type.GroupResource, out var table))
        {
            table = new ResourceTable(historySize);
            _tables[type.GroupResource] = table;
        }

        return table;
    }
}
