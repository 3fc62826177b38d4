using System.Text.Json.Nodes;

namespace Meshery.Deploy.Manifests;

/// <summary>One Kubernetes object of a manifest, as JSON, with the fields that address it.</summary>
public sealed record ManifestDocument(JsonObject Body)
{
    public string ApiVersion => (string?)Body["apiVersion"] ?? string.Empty;

    public string Kind => (string?)Body["kind"] ?? string.Empty;

    public string Name => (string?)Body["metadata"]?["name"] ?? string.Empty;

    public string? Namespace => (string?)Body["metadata"]?["namespace"];

    /// <summary>Where the object lives on the API server, e.g. <c>apis/apps/v1/namespaces/meshery/deployments/meshery</c>.</summary>
    public string Path => ResourceKind.Of(ApiVersion, Kind).ObjectPath(Namespace, Name);

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
