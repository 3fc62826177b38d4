using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Storage;
using Meshery.Testing.Kubernetes.Writes;

namespace Meshery.Testing.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    /// <summary>UID of the <c>kube-system</c> namespace, which MeshSync uses as the cluster id.</summary>
    public string KubeSystemUid => _state.KubeSystemUid;

    /// <summary>The cluster-wide resourceVersion of the last write.</summary>
    public string ResourceVersion => Meta.RvString(_state.Store.ResourceVersion);

    /// <summary>
    /// Creates or replaces an object directly, bypassing the REST rules (status is kept as given), and
    /// emits the watch event. Fast enough to seed 100k objects; returns the stored object.
    /// </summary>
    public JsonObject Put(JsonObject obj) => ObjectSeeding.Put(_state, obj);

    /// <summary>Creates or replaces each object (see <see cref="Put"/>); returns how many.</summary>
    public int PutMany(IEnumerable<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var count = 0;
        foreach (var obj in objects)
        {
            ObjectSeeding.Put(_state, obj);
            count++;
        }

        return count;
    }

    /// <summary>The stored object, or null. <paramref name="resource"/> is <c>pods</c>, <c>deployments.apps</c>, ...</summary>
    public JsonObject? Find(string resource, string? ns, string name)
    {
        var type = TypeOf(resource);
        return _state.Store.Get(type, type.Namespaced ? ns : null, name)?.ToJsonObject();
    }

    /// <summary>How many objects of <paramref name="resource"/> exist (in <paramref name="ns"/> when given).</summary>
    public int Count(string resource, string? ns = null)
    {
        var (items, _) = _state.Store.Snapshot(TypeOf(resource));
        return ns is null ? items.Count : items.Count(o => o.Namespace == ns);
    }

    /// <summary>Deletes an object directly (ignoring finalizers); returns whether it existed.</summary>
    public bool Remove(string resource, string? ns, string name)
    {
        var type = TypeOf(resource);
        return _state.Store.Write(type, type.Namespaced ? ns : null, name, _ => WriteDecision.Remove()).Removed;
    }

    private Discovery.ResourceType TypeOf(string resource) =>
        _state.Registry.FindByGroupResource(resource)
        ?? throw new ArgumentException($"resource \"{resource}\" is not served (use plural or plural.group)", nameof(resource));
}
