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

    /// <summary>One object (as MeshSync sends it) as a cache row.</summary>
    public static ResourceRow ToRow(JsonElement obj)
    {
        var resource = obj.Deserialize(MeshSyncJsonContext.Default.KubernetesResource)
            ?? throw new JsonException("The object is null.");
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw new JsonException("The object has no id.");
        }

        var meta = resource.Metadata ?? new KubernetesResourceObjectMeta();
        var labels = meta.Labels is { Count: > 0 } list
            ? list.Where(l => l.Key is not null && !string.Equals(l.Kind, KubernetesKeyValue.AnnotationKind, StringComparison.Ordinal))
                .Select(l => new KeyValuePair<string, string>(l.Key!, l.Value ?? string.Empty))
                .DistinctBy(l => l.Key, StringComparer.Ordinal)
                .ToArray()
            : [];
        return new ResourceRow(
            resource.Id,
            string.IsNullOrEmpty(resource.ClusterId) ? meta.ClusterId : resource.ClusterId,
            resource.Kind,
            resource.ApiVersion,
            meta.Namespace ?? string.Empty,
            meta.Name ?? string.Empty,
            meta.ResourceVersion ?? string.Empty,
            labels,
            JsonMarshal.GetRawUtf8Value(obj).ToArray());
    }

    private static MeshSyncMessage<JsonElement?>? Deserialize(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        return JsonSerializer.Deserialize(ref reader, MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
    }
}
