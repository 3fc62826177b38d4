using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>Reads the API server's discovery documents (<c>/api/v1</c>, <c>/apis</c>, <c>/apis/{group}/{preferred}</c>).</summary>
internal static class ApiDiscovery
{
    /// <summary>The served resources (preferred version of each group) that support list and watch; subresources excluded.</summary>
    public static async Task<IReadOnlyList<ResourceType>> ServedAsync(KubeApi api, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The core group and the group list, then every group's resources, all at once: each is one round trip.
        var core = ReadAsync(api, "/api/v1", "v1", timeout, cancellationToken);
        List<string> preferred = [];
        using (var groups = await api.GetAsync("/apis", timeout, cancellationToken).ConfigureAwait(false))
        {
            foreach (var group in groups.RootElement.GetProperty("groups").EnumerateArray())
            {
                var version = group.TryGetProperty("preferredVersion", out var p) ? p.GetProperty("groupVersion").GetString() : null;
                version ??= group.GetProperty("versions")[0].GetProperty("groupVersion").GetString();
                if (version is not null)
                {
                    preferred.Add(version);
                }
            }
        }

        var perGroup = await Task.WhenAll(preferred.Select(async groupVersion =>
        {
            try
            {
                return await ReadAsync(api, $"/apis/{groupVersion}", groupVersion, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.IsNotFound || e.StatusCode == 503)
            {
                // a group that went away meanwhile, or an unavailable aggregated API
                return [];
            }
        })).ConfigureAwait(false);
        return [.. await core.ConfigureAwait(false), .. perGroup.SelectMany(g => g)];
    }

    private static async Task<List<ResourceType>> ReadAsync(KubeApi api, string path, string groupVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = new List<ResourceType>();
        using var resources = await api.GetAsync(path, timeout, cancellationToken).ConfigureAwait(false);
        AddResources(resources.RootElement, groupVersion, result);
        return result;
    }

    /// <summary>The key, kind and scope a CRD serves (storage version, else the first served one), or null when not served.</summary>
    public static ResourceType? FromCrd(JsonElement crd)
    {
        if (!crd.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var group = spec.TryGetProperty("group", out var g) ? g.GetString() : null;
        var names = spec.TryGetProperty("names", out var n) ? n : default;
        var plural = names.ValueKind == JsonValueKind.Object && names.TryGetProperty("plural", out var pl) ? pl.GetString() : null;
        var kind = names.ValueKind == JsonValueKind.Object && names.TryGetProperty("kind", out var k) ? k.GetString() : null;
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(plural) || string.IsNullOrEmpty(kind)
            || !spec.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? chosen = null;
        foreach (var version in versions.EnumerateArray())
        {
            var served = version.TryGetProperty("served", out var s) && s.ValueKind == JsonValueKind.True;
            var storage = version.TryGetProperty("storage", out var st) && st.ValueKind == JsonValueKind.True;
            var name = version.TryGetProperty("name", out var v) ? v.GetString() : null;
            if (served && name is not null && (storage || chosen is null))
            {
                chosen = name;
            }
        }

        var namespaced = !(spec.TryGetProperty("scope", out var scope) && scope.GetString() == "Cluster");
        return chosen is null ? null : new ResourceType(new ResourceKey(plural, chosen, group), kind, namespaced);
    }

    private static void AddResources(JsonElement list, string groupVersion, List<ResourceType> result)
    {
        foreach (var resource in list.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString();
            if (name is null || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var verbs = resource.TryGetProperty("verbs", out var v) ? v.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            if (!verbs.Contains("list") || !verbs.Contains("watch"))
            {
                continue;
            }

            var kind = resource.GetProperty("kind").GetString() ?? string.Empty;
            var namespaced = resource.TryGetProperty("namespaced", out var ns) && ns.ValueKind == JsonValueKind.True;
            result.Add(new ResourceType(ResourceKey.From(name, groupVersion), kind, namespaced));
        }
    }
}
