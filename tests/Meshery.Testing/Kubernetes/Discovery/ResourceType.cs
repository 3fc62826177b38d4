namespace Meshery.Testing.Kubernetes.Discovery;

/// <summary>One served group/version/resource, built in or defined by a CustomResourceDefinition.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    bool HasStatus = false,
    params string[] ShortNames)
{
    public string ListKind { get; init; } = Kind + "List";

    /// <summary>Name of the defining CRD (<c>plural.group</c>) for custom resources.</summary>
    public string? CrdName { get; init; }

    /// <summary>Custom resources always carry <c>metadata.generation</c>.</summary>
    public bool IsCustom => CrdName is not null;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>pods</c>, <c>deployments.apps</c>: the storage key shared by all versions.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public bool UsesGeneration => HasStatus || IsCustom;

    public bool HasLog => Group.Length == 0 && Plural == "pods";

    public bool IsNamespaceType => Group.Length == 0 && Plural == "namespaces";

    public bool IsCrdType => Group == "apiextensions.k8s.io" && Plural == "customresourcedefinitions";
}
