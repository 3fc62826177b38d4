namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// The group-resources MeshSync discovers by default (upstream's <c>global</c> and <c>local</c> pipelines), at
/// whatever version the API server prefers. Kinds the server does not offer are skipped.
/// </summary>
public static class DefaultResources
{
    /// <summary>Cluster-wide kinds of the global pipeline.</summary>
    public static IReadOnlyList<string> Global { get; } =
    [
        "namespaces", "configmaps", "nodes", "secrets", "persistentvolumes", "persistentvolumeclaims",
    ];

    /// <summary>Kinds of the local pipeline (group-qualified as kubectl names them).</summary>
    public static IReadOnlyList<string> Local { get; } =
    [
        "replicasets.apps", "pods", "services", "deployments.apps", "statefulsets.apps", "daemonsets.apps",
        "ingresses.networking.k8s.io", "ingressclasses.networking.k8s.io", "endpoints", "endpointslices.discovery.k8s.io",
        "jobs.batch", "cronjobs.batch", "replicationcontrollers", "storageclasses.storage.k8s.io",
        "clusterroles.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
        "volumeattachments.storage.k8s.io", "apiservices.apiregistration.k8s.io",
        "roles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io", "serviceaccounts",
        "horizontalpodautoscalers.autoscaling", "networkpolicies.networking.k8s.io", "leases.coordination.k8s.io",
        "mutatingwebhookconfigurations.admissionregistration.k8s.io",
        "validatingwebhookconfigurations.admissionregistration.k8s.io",
        "customresourcedefinitions.apiextensions.k8s.io", "events", "poddisruptionbudgets.policy",
        "limitranges", "resourcequotas",
    ];

    /// <summary>Every default group-resource.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Global.Concat(Local), StringComparer.Ordinal);
}
