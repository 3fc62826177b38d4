using Meshery.Testing.Kubernetes.Discovery;

namespace Meshery.Testing.Kubernetes.Http;

/// <summary>
/// A parsed resource path below <c>/api/v1</c> or <c>/apis/{group}/{version}</c>:
/// <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>, with the legacy <c>watch/</c> prefix.
/// </summary>
internal sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource, bool WatchPath)
{
    public static ResourceRequest? Parse(ResourceRegistry registry, string group, string version, string? path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var watchPath = segments.Length > 0 && segments[0] == "watch";
        if (watchPath)
        {
            segments = segments[1..];
        }

        string? ns = null;
        if (segments.Length >= 3 && segments[0] == "namespaces" && registry.Find(group, version, segments[2]) is { Namespaced: true })
        {
            ns = segments[1];
            segments = segments[2..];
        }

        if (segments.Length is 0 or > 3 || registry.Find(group, version, segments[0]) is not { } type)
        {
            return null;
        }

        if (!type.Namespaced && ns is not null)
        {
            return null;
        }

        var name = segments.Length > 1 ? segments[1] : null;
        var sub = segments.Length > 2 ? segments[2] : null;
        if (type.Namespaced && ns is null && name is not null)
        {
            return null;
        }

        var served = sub switch
        {
            null => true,
            "status" => type.HasStatus,
            "log" => type.HasLog,
            "finalize" => type.IsNamespaceType,
            _ => false,
        };
        if (!served)
        {
            return null;
        }

        return new ResourceRequest(type, ns, name, sub, watchPath);
    }
}
