using System.Collections.Immutable;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>
/// Table snapshots that paged lists continue from, so every page of one list reflects one
/// resourceVersion however the table changes meanwhile. Bounded in count and age, like compaction.
/// </summary>
internal sealed class ListSnapshots(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, long), Entry> _entries = [];

    public void Add(string groupResource, long resourceVersion, ImmutableList<StoredObject> items)
    {
        lock (_gate)
        {
            _entries[(groupResource, resourceVersion)] = new Entry(items, time.GetUtcNow());
            while (_entries.Count > Math.Max(1, capacity))
            {
                var oldest = _entries.MinBy(e => e.Value.LastUsed).Key;
                _entries.Remove(oldest);
            }
        }
    }

    public ImmutableList<StoredObject>? Find(string groupResource, long resourceVersion)
    {
        lock (_gate)
        {
            var key = (groupResource, resourceVersion);
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (now - entry.LastUsed > lifetime)
            {
                _entries.Remove(key);
                return null;
            }

            _entries[key] = entry with { LastUsed = now };
            return entry.Items;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(ImmutableList<StoredObject> Items, DateTimeOffset LastUsed);
}
