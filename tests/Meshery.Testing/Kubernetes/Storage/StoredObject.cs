using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.Storage;

/// <summary>
/// One immutable version of an object: its serialized JSON plus the fields lists and watches filter on,
/// so listing 100k objects copies bytes instead of re-serializing trees.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(string key, string? ns, string name, long resourceVersion, byte[] json,
        IReadOnlyDictionary<string, string> labels, string apiVersion)
    {
        Key = key;
        Namespace = ns;
        Name = name;
        ResourceVersion = resourceVersion;
        Json = json;
        Labels = labels;
        ApiVersion = apiVersion;
    }

    public string Key { get; }

    public string? Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    public byte[] Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public string ApiVersion { get; }

    public static IComparer<StoredObject> ByKey { get; } =
        Comparer<StoredObject>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));

    /// <summary>Freezes <paramref name="obj"/> (which already carries its resourceVersion).</summary>
    public static StoredObject Freeze(JsonObject obj, long resourceVersion)
    {
        var name = Meta.Name(obj) ?? string.Empty;
        var ns = Meta.Namespace(obj);
        return new StoredObject(Meta.Key(ns, name), ns, name, resourceVersion, Serialize(obj),
            Meta.Labels(obj), Meta.Str(obj, "apiVersion") ?? string.Empty);
    }

    /// <summary>A key-only stand-in for binary searches.</summary>
    public static StoredObject Probe(string key) =>
        new(key, null, string.Empty, 0, [], Meta.EmptyLabels, string.Empty);

    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The JSON as seen through <paramref name="apiVersion"/> (CRDs may serve several versions).</summary>
    public byte[] JsonFor(string apiVersion)
    {
        if (ApiVersion == apiVersion)
        {
            return Json;
        }

        var obj = ToJsonObject();
        obj["apiVersion"] = apiVersion;
        return Serialize(obj);
    }

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
