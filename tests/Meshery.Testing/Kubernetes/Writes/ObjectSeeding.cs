using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>
/// Direct writes for tests and benchmarks: an upsert that keeps what it is given (status included),
/// filling only the system metadata, and still emits watch events.
/// </summary>
internal static class ObjectSeeding
{
    public static JsonObject Put(FakeKubeState state, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = Meta.Str(obj, "apiVersion") ?? throw new ArgumentException("apiVersion is required", nameof(obj));
        var kind = Meta.Str(obj, "kind") ?? throw new ArgumentException("kind is required", nameof(obj));
        var type = state.Registry.FindByKind(apiVersion, kind)
            ?? throw new ArgumentException($"{apiVersion} {kind} is not served", nameof(obj));
        var name = Meta.Name(obj) ?? throw new ArgumentException("metadata.name is required", nameof(obj));
        var ns = type.Namespaced ? Meta.Namespace(obj) ?? "default" : null;
        var now = Meta.Timestamp(state.Time.GetUtcNow());
        var copy = obj.DeepClone().AsObject();
        var result = state.Store.Write(type, ns, name, current =>
        {
            ResourceStrategy.Normalize(type, copy);
            var meta = Meta.Of(copy);
            meta["namespace"] = ns;
            if (ns is null)
            {
                meta.Remove("namespace");
            }

            var was = current is null ? null : Meta.Of(current);
            meta["uid"] = Meta.Str(was, "uid") ?? Meta.Str(meta, "uid") ?? Guid.NewGuid().ToString();
            meta["creationTimestamp"] = Meta.Str(was, "creationTimestamp") ?? Meta.Str(meta, "creationTimestamp") ?? now;
            if (type.UsesGeneration && meta["generation"] is null)
            {
                meta["generation"] = was?["generation"]?.DeepClone() ?? 1;
            }

            return WriteDecision.Store(copy);
        });
        return result.Object!.ToJsonObject();
    }
}
