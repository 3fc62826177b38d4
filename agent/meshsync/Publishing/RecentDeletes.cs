using Meshery.Agent.MeshSync.Discovery;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// The last deletions (bounded, oldest dropped first), re-sent after a broker outage so subscribers also learn
/// of objects that went away while it was down. Re-sending a deletion twice is harmless.
/// </summary>
internal sealed class RecentDeletes(int capacity)
{
    private readonly Queue<StoredResource> _items = new();
    private readonly Lock _lock = new();

    public void Add(StoredResource resource)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            _items.Enqueue(resource);
            while (_items.Count > capacity)
            {
                _items.Dequeue();
            }
        }
    }

    public IReadOnlyList<StoredResource> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }
}
