using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

/// <summary>
/// The workloads of an install: the agent from the bundle, and the broker and MeshSync the operator makes from the
/// default Broker and MeshSync. <c>mesheryctl system logs</c> finds their pods through them.
/// </summary>
public static class MesheryWorkloads
{
    public const string AgentDeployment = "meshery";
    public const string MeshSyncDeployment = "meshery-meshsync";
    public const string BrokerStatefulSet = "meshery-nats";

    /// <summary>Each workload under the component name users type first, then its other names.</summary>
    public static IReadOnlyList<InstallWorkload> All { get; } =
    [
        new("meshery", ResourceKind.Of("apps/v1", "Deployment"), AgentDeployment, ["agent", "meshery-agent"]),
        new("meshsync", ResourceKind.Of("apps/v1", "Deployment"), MeshSyncDeployment, [MeshSyncDeployment]),
        new("broker", ResourceKind.Of("apps/v1", "StatefulSet"), BrokerStatefulSet, ["nats", BrokerStatefulSet]),
    ];

    /// <summary>The workload called <paramref name="component"/> (any of its names), or null.</summary>
    public static InstallWorkload? Find(string component) =>
        All.FirstOrDefault(w => w.Component == component || w.Aliases.Contains(component, StringComparer.Ordinal));
}
