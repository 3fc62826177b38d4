using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test.</summary>
internal static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> to <paramref name="target"/>; returns the error, if any.</summary>
    public static string? Apply(JsonObject target, JsonArray operations)
    {
        foreach (var op in operations)
        {
            if (op is not JsonObject o || o["op"]?.ToString() is not { } name || o["path"]?.ToString() is not { } path)
            {
                return "invalid JSON patch operation";
            }

            var error = name switch
            {
                "add" => Add(target, path, o["value"]?.DeepClone()),
                "remove" => Remove(target, path, out _),
                "replace" => Remove(target, path, out _) ?? Add(target, path, o["value"]?.DeepClone()),
                "move" => Remove(target, o["from"]?.ToString() ?? string.Empty, out var moved) ?? Add(target, path, moved),
                "copy" => Find(target, o["from"]?.ToString() ?? string.Empty, out var copied) ?? Add(target, path, copied?.DeepClone()),
                "test" => Find(target, path, out var actual) ?? (JsonNode.DeepEquals(actual, o["value"]) ? null : $"testing value {path} failed"),
                _ => $"unexpected kind of JSON patch operation: {name}",
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last, error) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return null;
            case JsonArray array when last == "-":
                array.Add(value);
                return null;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= array.Count:
                array.Insert(i, value);
                return null;
            default:
                return error ?? $"add operation does not apply: doc is missing path: \"{path}\"";
        }
    }

    private static string? Remove(JsonObject root, string path, out JsonNode? removed)
    {
        removed = null;
        var (parent, last, error) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return null;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count:
                removed = array[i];
                array.RemoveAt(i);
                return null;
            default:
                return error ?? $"remove operation does not apply: doc is missing path: \"{path}\"";
        }
    }

    private static string? Find(JsonObject root, string path, out JsonNode? found)
    {
        found = null;
        var (parent, last, error) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                found = obj[last];
                return null;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count:
                found = array[i];
                return null;
            default:
                return error ?? $"doc is missing path: \"{path}\"";
        }
    }

    private static (JsonNode? Parent, string Last, string? Error) Parent(JsonObject root, string path)
    {
        if (!path.StartsWith('/'))
        {
            return (null, string.Empty, $"invalid JSON pointer: \"{path}\"");
        }

        var parts = path[1..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = node switch
            {
                JsonObject obj => obj[part],
                JsonArray array when int.TryParse(part, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (node is null)
            {
                return (null, string.Empty, $"doc is missing path: \"{path}\"");
            }
        }

        return (node, parts[^1], null);
    }
}
