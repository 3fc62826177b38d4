using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>
/// The few controllers the fake needs, run synchronously on commit: CRDs start or stop serving their
/// resources, and a deleted namespace takes its objects with it.
/// </summary>
internal sealed class ClusterControllers(FakeKubeState state) : IStoreObserver
{
    public void Stored(ResourceType type, JsonObject obj)
    {
        if (type.IsCrdType && CustomResourceDefinitions.Validate(obj) is null)
        {
            state.Registry.ReplaceCustom(Meta.Name(obj)!, CustomResourceDefinitions.TypesOf(obj));
        }
    }

    public void Removed(ResourceType type, JsonObject obj)
    {
        if (type.IsCrdType)
        {
            foreach (var gone in state.Registry.RemoveCustom(Meta.Name(obj)!).DistinctBy(t => t.GroupResource))
            {
                state.Store.DropTable(gone);
            }
        }
        else if (type.IsNamespaceType)
        {
            var namespaced = state.Registry.All.Where(t => t.Namespaced).ToList();
            state.Store.RemoveNamespaceContents(namespaced, Meta.Name(obj)!, Meta.Timestamp(state.Time.GetUtcNow()));
            state.Logs.RemoveNamespace(Meta.Name(obj)!);
        }
        else if (type.HasLog)
        {
            state.Logs.Remove(Meta.Namespace(obj)!, Meta.Name(obj)!);
        }
    }
}
