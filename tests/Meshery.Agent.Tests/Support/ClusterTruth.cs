using System.Text.Json;
using k8s;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Tests.Support;

/// <summary>Compares what the fake cluster holds with what the cache serves, by namespace/name and resourceVersion.</summary>
public static class ClusterTruth
{
    /// <summary>ConfigMaps of the cluster as <c>namespace/name</c> -> resourceVersion, read through KubernetesClient.</summary>
    public static async Task<Dictionary<string, string>> ConfigMapsAsync(k8s.Kubernetes client, CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: cancellationToken);
        return list.Items.ToDictionary(c => $"{c.Metadata.NamespaceProperty}/{c.Metadata.Name}", c => c.Metadata.ResourceVersion, StringComparer.Ordinal);
    }

    /// <summary>The cache's resources as <c>namespace/name</c> -> resourceVersion.</summary>
    /// <remarks>Pages read while the cache changes may repeat an object (offsets shift); the last one read wins.</remarks>
    public static Dictionary<string, string> Of(IEnumerable<JsonElement> resources)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in resources)
        {
            result[$"{Str(r, "namespace")}/{Str(r, "name")}"] = Str(r, "resourceVersion");
        }

        return result;
    }

    public static bool Same(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);

    public static string Diff(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).Take(5).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).Take(5).ToList();
        var stale = expected.Where(e => actual.TryGetValue(e.Key, out var v) && v != e.Value).Select(e => e.Key).Take(5).ToList();
        return $"cluster {expected.Count}, cache {actual.Count}; missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}], stale [{string.Join(", ", stale)}]";
    }

    /// <summary>A ConfigMap with a few labels and some data, as seeded into the fake cluster.</summary>
    public static JsonObject ConfigMap(string ns, string name, int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["app"] = "app" + (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture), ["tier"] = i % 2 == 0 ? "web" : "db" },
        },
        ["data"] = new JsonObject { ["key"] = new string('x', 200), ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static string Str(JsonElement resource, string key) =>
        resource.GetProperty("metadata").TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
