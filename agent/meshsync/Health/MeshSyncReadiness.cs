using Meshery.Agent.MeshSync.Discovery;

namespace Meshery.Agent.MeshSync.Health;

/// <summary>The discoveries this process runs, for <c>/readyz</c>: ready when there is one and each is ready.</summary>
public sealed class MeshSyncReadiness
{
    private readonly Lock _lock = new();
    private readonly List<ClusterDiscovery> _discoveries = [];

    public void Add(ClusterDiscovery discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        lock (_lock)
        {
            _discoveries.Add(discovery);
        }
    }

    public void Remove(ClusterDiscovery discovery)
    {
        lock (_lock)
        {
            _discoveries.Remove(discovery);
        }
    }

    public IReadOnlyList<DiscoveryStatus> Statuses()
    {
        lock (_lock)
        {
            return _discoveries.Select(d => d.Status).ToList();
        }
    }

    public bool IsReady => Statuses() is { Count: > 0 } statuses && statuses.All(s => s.Ready);
}
