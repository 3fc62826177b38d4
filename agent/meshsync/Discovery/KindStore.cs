using System.Collections.Concurrent;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>The current objects of one kind, by uid. Written only by the kind's informer; read by anyone.</summary>
internal sealed class KindStore(ResourceType type)
{
    private readonly ConcurrentDictionary<string, StoredResource> _items = new(StringComparer.Ordinal);

    public ResourceType Type { get; } = type;

    public int Count => _items.Count;

    public bool TryGet(string uid, out StoredResource resource) => _items.TryGetValue(uid, out resource!);

    public void Set(StoredResource resource) => _items[resource.Uid] = resource;

    public bool TryRemove(string uid, out StoredResource resource) => _items.TryRemove(uid, out resource!);

    public IEnumerable<string> Uids => _items.Keys;

    public IEnumerable<StoredResource> Items => _items.Values;

    public void Clear() => _items.Clear();
}
