using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// Reads MeshSync's envelopes into cache rows. The object's JSON is kept byte for byte as MeshSync sent
/// it (the API answers it unchanged); the columns the cache filters on come from <see cref="KubernetesResource"/>.
/// </summary>
public static class MeshSyncMessageDecoder
{
    /// <summary>A resource event from <see cref="MeshSyncSubjects.Core"/>; null for other object types or unknown events.</summary>
    public static (string EventType, ResourceRow Row)? DecodeEvent(ReadOnlySequence<byte> payload)
    {
        var message = Deserialize(payload);
        if (message is null || message.Object is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        if (message.ObjectType is not (MeshSyncObjectTypes.MeshSyncData or MeshSyncObjectTypes.None))
        {
            return null;
        }

        return message.EventType switch
        {
            MeshSyncEventTypes.Added or MeshSyncEventTypes.Modified or MeshSyncEventTypes.Deleted => (message.EventType, ToRow(obj)),
            _ => null,
        };
    }

    /// <summary>The objects of one informer-store answer batch (an array, or a single object).</summary>
    public static IReadOnlyList<ResourceRow> DecodeStoreBatch(ReadOnlySequence<byte> payload)
    {
        var message = Deserialize(payload);
        return message?.Object switch
        {
            { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ToRow)],
            { ValueKind: JsonValueKind.Object } single => [ToRow(single)],
            _ => [],
        };
    }

    /// <summary>
    /// One object (as MeshSync sends it) as a cache row. Only the keys the cache filters on are read
    /// (<see cref="KubernetesResource"/>'s <c>id</c>, <c>kind</c>, <c>apiVersion</c>, <c>cluster_id</c> and
    /// metadata <c>name</c>, <c>namespace</c>, <c>resourceVersion</c>, <c>labels</c>); the rest stays raw JSON.
    /// </summary>
    public static ResourceRow ToRow(JsonElement obj)
    {
        var id = Str(obj, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new JsonException("The object has no id.");
        }

        var meta = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var clusterId = Str(obj, "cluster_id");
        if (string.IsNullOrEmpty(clusterId))
        {
            clusterId = Str(meta, "cluster_id");
        }

        return new ResourceRow(
            id,
            clusterId ?? string.Empty,
            Str(obj, "kind") ?? string.Empty,
            Str(obj, "apiVersion") ?? string.Empty,
            Str(meta, "namespace") ?? string.Empty,
            Str(meta, "name") ?? string.Empty,
            Str(meta, "resourceVersion") ?? string.Empty,
            Labels(meta),
            JsonMarshal.GetRawUtf8Value(obj).ToArray());
    }

    private static KeyValuePair<string, string>[] Labels(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<KeyValuePair<string, string>>(labels.GetArrayLength());
        foreach (var item in labels.EnumerateArray())
        {
            if (Str(item, "key") is { } key
                && !string.Equals(Str(item, "kind"), KubernetesKeyValue.AnnotationKind, StringComparison.Ordinal)
                && !result.Exists(l => l.Key == key))
            {
                result.Add(new(key, Str(item, "value") ?? string.Empty));
            }
        }

        return [.. result];
    }

    private static string? Str(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static MeshSyncMessage<JsonElement?>? Deserialize(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        return JsonSerializer.Deserialize(ref reader, MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
    }
}
