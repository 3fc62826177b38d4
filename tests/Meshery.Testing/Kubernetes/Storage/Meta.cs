using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.Storage;

/// <summary>Reads and writes <c>metadata</c> fields of objects held as <see cref="JsonObject"/>.</summary>
internal static class Meta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }

        meta = [];
        obj["metadata"] = meta;
        return meta;
    }

    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Name(JsonObject obj) => Str(obj["metadata"], "name");

    public static string? Namespace(JsonObject obj) => Str(obj["metadata"], "namespace");

    public static string? ResourceVersion(JsonObject obj) => Str(obj["metadata"], "resourceVersion");

    public static string? Uid(JsonObject obj) => Str(obj["metadata"], "uid");

    public static string? DeletionTimestamp(JsonObject obj) => Str(obj["metadata"], "deletionTimestamp");

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a
            ? [.. a.Select(n => n?.ToString()).OfType<string>()]
            : [];

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        if (obj["metadata"]?["labels"] is not JsonObject labels || labels.Count == 0)
        {
            return EmptyLabels;
        }

        var result = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            result[key] = value?.ToString() ?? string.Empty;
        }

        return result;
    }

    public static IReadOnlyDictionary<string, string> EmptyLabels { get; } = new Dictionary<string, string>();

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string RvString(long resourceVersion) => resourceVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>The storage key: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects.</summary>
    public static string Key(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    /// <summary>Navigates a dotted path (<c>status.phase</c>) to a scalar's text.</summary>
    public static string? Field(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }
}
