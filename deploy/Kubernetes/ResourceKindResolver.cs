using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Kubernetes;

/// <summary>
/// Finds how to address any kind a manifest names: the install bundle's own kinds without a request, every other
/// kind from the cluster's discovery document of its group/version (<c>api/v1</c>, <c>apis/apps/v1</c>), read once.
/// </summary>
public sealed class ResourceKindResolver
{
    private readonly KubeRest _rest;
    private readonly Dictionary<string, JsonObject?> _groupVersions = new(StringComparer.Ordinal);

    public ResourceKindResolver(KubeRest rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        _rest = rest;
    }

    /// <summary>The addressing of <paramref name="kind"/>; <see cref="NotSupportedException"/> when the cluster does not serve it.</summary>
    public async Task<ResourceKind> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            throw new NotSupportedException("A document has no apiVersion or kind.");
        }

        if (ResourceKind.TryOf(apiVersion, kind, out var known))
        {
            return known;
        }

        if (!_groupVersions.TryGetValue(apiVersion, out var resources))
        {
            var path = apiVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{apiVersion}" : $"api/{apiVersion}";
            resources = await _rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
            _groupVersions[apiVersion] = resources;
        }

        if (resources is null)
        {
            throw new NotSupportedException($"The cluster does not serve {apiVersion}.");
        }

        var match = (resources["resources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(r => (string?)r["kind"] == kind && (string?)r["name"] is { } name && !name.Contains('/', StringComparison.Ordinal))
            ?? throw new NotSupportedException($"The cluster serves no kind {kind} in {apiVersion}.");
        return new ResourceKind(apiVersion, kind, (string)match["name"]!, (bool?)match["namespaced"] ?? false);
    }
}
