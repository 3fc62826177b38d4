namespace Meshery.Deploy.Manifests;

/// <summary>The REST addressing of a kind: its group/version, plural and scope.</summary>
public sealed record ResourceKind(string ApiVersion, string Kind, string Plural, bool Namespaced)
{
    private static readonly Dictionary<(string, string), ResourceKind> Known = new[]
    {
        new ResourceKind("v1", "Namespace", "namespaces", false),
        new ResourceKind("v1", "ServiceAccount", "serviceaccounts", true),
        new ResourceKind("v1", "Service", "services", true),
        new ResourceKind("v1", "ConfigMap", "configmaps", true),
        new ResourceKind("v1", "Secret", "secrets", true),
        new ResourceKind("v1", "Pod", "pods", true),
        new ResourceKind("apps/v1", "Deployment", "deployments", true),
        new ResourceKind("apps/v1", "StatefulSet", "statefulsets", true),
        new ResourceKind("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
        new ResourceKind("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false),
        new ResourceKind("rbac.authorization.k8s.io/v1", "Role", "roles", true),
        new ResourceKind("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true),
        new ResourceKind("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false),
        new ResourceKind("coordination.k8s.io/v1", "Lease", "leases", true),
        new ResourceKind(MesheryKinds.ApiVersion, MesheryKinds.Broker, MesheryKinds.Brokers, true),
        new ResourceKind(MesheryKinds.ApiVersion, MesheryKinds.MeshSync, MesheryKinds.MeshSyncs, true),
        new ResourceKind(MesheryKinds.ApiVersionV1Alpha1, MesheryKinds.Broker, MesheryKinds.Brokers, true),
        new ResourceKind(MesheryKinds.ApiVersionV1Alpha1, MesheryKinds.MeshSync, MesheryKinds.MeshSyncs, true),
    }.ToDictionary(k => (k.ApiVersion, k.Kind));

    public static ResourceKind Of(string apiVersion, string kind) =>
        TryOf(apiVersion, kind, out var known)
            ? known
            : throw new NotSupportedException($"The install bundle does not know how to address {kind} ({apiVersion}).");

    /// <summary>The addressing of a kind the install bundle uses, without asking a cluster; false for any other kind.</summary>
    public static bool TryOf(string apiVersion, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResourceKind? resourceKind) =>
        Known.TryGetValue((apiVersion, kind), out resourceKind);

    /// <summary><c>api/v1</c> for the core group, <c>apis/&lt;group&gt;/&lt;version&gt;</c> otherwise.</summary>
    public string GroupVersionPath => ApiVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{ApiVersion}" : $"api/{ApiVersion}";

    public string CollectionPath(string? ns) =>
        Namespaced
            ? $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(ns ?? throw new ArgumentException($"{Kind} is namespaced.", nameof(ns)))}/{Plural}"
            : $"{GroupVersionPath}/{Plural}";

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
