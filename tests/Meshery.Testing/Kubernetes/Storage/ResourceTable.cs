using System.Collections.Immutable;
using Meshery.Testing.Kubernetes.Watches;

namespace Meshery.Testing.Kubernetes.Storage;

/// <summary>
/// The objects of one group-resource, sorted by key in an immutable list (so a paged list keeps a
/// consistent snapshot for free), plus its bounded watch history and its watchers. Guarded by the store lock.
/// </summary>
internal sealed class ResourceTable(int historySize)
{
    private readonly Queue<WatchEvent> _history = new();

    public ImmutableList<StoredObject> Items { get; private set; } = [];

    /// <summary>Every event after this resourceVersion is still in the history.</summary>
    public long HistoryStartRv { get; private set; }

    public List<WatchSubscription> Watchers { get; } = [];

    public int IndexOf(string key) => Items.BinarySearch(StoredObject.Probe(key), StoredObject.ByKey);

    public void Put(int index, StoredObject obj) =>
        Items = index >= 0 ? Items.SetItem(index, obj) : Items.Insert(~index, obj);

    public void RemoveAt(int index) => Items = Items.RemoveAt(index);

    public void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > historySize)
        {
            HistoryStartRv = _history.Dequeue().ResourceVersion;
        }

        var item = WatchItem.ForEvent(change);
        foreach (var watcher in Watchers)
        {
            watcher.Publish(item);
        }
    }

    public List<WatchEvent> EventsAfter(long resourceVersion) =>
        [.. _history.Where(e => e.ResourceVersion > resourceVersion)];

    public void Compact(long resourceVersion)
    {
        _history.Clear();
        HistoryStartRv = resourceVersion;
    }
}
