using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

public sealed partial class BundleApplier
{
    /// <summary>The state of every document of the bundle in the cluster, in bundle order.</summary>
    public async Task<IReadOnlyList<ComponentStatus>> GetStatusAsync(InstallBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var states = new List<ComponentStatus>();
        foreach (var document in bundle.Documents)
        {
            var live = await _rest.GetAsync(document.Path, cancellationToken).ConfigureAwait(false);
            var (state, detail) = live is null ? (ComponentState.NotDeployed, null) : StateOf(document.Kind, live);
            states.Add(new ComponentStatus(document.Kind, document.Name, document.Namespace, state, detail));
        }

        return states;
    }

    /// <summary>Whether every component is Deployed or Running.</summary>
    public static bool IsReady(IEnumerable<ComponentStatus> states) =>
        states.All(s => s.State is ComponentState.Deployed or ComponentState.Running);

    private static (ComponentState State, string? Detail) StateOf(string kind, JsonObject live)
    {
        if (live["metadata"]?["deletionTimestamp"] is not null)
        {
            return (ComponentState.Deploying, "being deleted");
        }

        switch (kind)
        {
            case "CustomResourceDefinition":
                return IsEstablished(live) ? (ComponentState.Deployed, null) : (ComponentState.Deploying, "not established");
            case "Deployment" or "StatefulSet":
                var wanted = (int?)live["spec"]?["replicas"] ?? 1;
                var ready = (int?)live["status"]?["readyReplicas"] ?? 0;
                return ready >= wanted ? (ComponentState.Running, null) : (ComponentState.Deploying, $"{ready}/{wanted} replicas ready");
            case MesheryKinds.Broker or MesheryKinds.MeshSync:
                var condition = (live["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                    .FirstOrDefault(c => (string?)c["type"] == "Ready");
                return (string?)condition?["status"] == "True"
                    ? (ComponentState.Running, null)
                    : (ComponentState.Deploying, (string?)condition?["message"] ?? "not reconciled yet");
            default:
                return (ComponentState.Deployed, null);
        }
    }
}
