using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// Reads MeshSync's envelopes into cache rows in one forward pass over the bytes (no document, no object model):
/// every message of an initial sync passes through here, so it reads only the keys the cache filters on
/// (<see cref="KubernetesResource"/>'s <c>id</c>, <c>kind</c>, <c>apiVersion</c>, <c>cluster_id</c> and metadata
/// <c>name</c>, <c>namespace</c>, <c>resourceVersion</c>, <c>labels</c>) and keeps the object's JSON byte for byte as
/// MeshSync sent it (the API answers it unchanged). Envelope keys match case-insensitively (as the envelope's
/// serializer reads them, and as Go's encoding/json does); keys inside the object match exactly; a repeated key
/// counts by its last occurrence.
/// </summary>
public static class MeshSyncMessageDecoder
{
    /// <summary>A resource event from <see cref="MeshSyncSubjects.Core"/>; null for other object types or unknown events.</summary>
    public static (string EventType, ResourceRow Row)? DecodeEvent(ReadOnlySpan<byte> payload)
    {
        var envelope = ReadEnvelope(payload);
        if (envelope.Objects is not [var only] || !envelope.ObjectIsSingle)
        {
            return null;
        }

        if (envelope.ObjectType is not (MeshSyncObjectTypes.MeshSyncData or MeshSyncObjectTypes.None))
        {
            return null;
        }

        return envelope.EventType switch
        {
            MeshSyncEventTypes.Added or MeshSyncEventTypes.Modified or MeshSyncEventTypes.Deleted => (envelope.EventType, only.ToRow(payload)),
            _ => null,
        };
    }

    /// <summary>The objects of one informer-store answer batch (an array, or a single object).</summary>
    public static IReadOnlyList<ResourceRow> DecodeStoreBatch(ReadOnlySpan<byte> payload)
    {
        var envelope = ReadEnvelope(payload);
        if (envelope.Objects is not { Count: > 0 } objects)
        {
            return [];
        }

        var rows = new ResourceRow[objects.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = objects[i].ToRow(payload);
        }

        return rows;
    }

    /// <summary>One object (a <see cref="KubernetesResource"/> as MeshSync sends it) as a cache row.</summary>
    public static ResourceRow ToRow(ReadOnlySpan<byte> resourceJson)
    {
        var reader = new Utf8JsonReader(resourceJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A resource must be a JSON object.");
        }

        var fields = ReadObject(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the resource.");
        }

        return fields.ToRow(resourceJson);
    }

    private static Envelope ReadEnvelope(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        var envelope = new Envelope();
        if (!reader.Read())
        {
            throw new JsonException("The message is empty.");
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return envelope;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A MeshSync message must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = EnvelopeKeyOf(ref reader);
            reader.Read();
            switch (key)
            {
                case EnvelopeKey.ObjectType:
                    envelope.ObjectType = EnvelopeString(ref reader);
                    break;
                case EnvelopeKey.EventType:
                    envelope.EventType = EnvelopeString(ref reader);
                    break;
                case EnvelopeKey.Object:
                    ReadEnvelopeObject(ref reader, ref envelope);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the message.");
        }

        return envelope;
    }

    private static void ReadEnvelopeObject(ref Utf8JsonReader reader, ref Envelope envelope)
    {
        envelope.Objects = null;
        envelope.ObjectIsSingle = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                envelope.Objects = [ReadObject(ref reader)];
                envelope.ObjectIsSingle = true;
                break;
            case JsonTokenType.StartArray:
                var items = new List<ObjectFields>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        items.Add(ReadObject(ref reader));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                envelope.Objects = items;
                break;
            default:
                reader.Skip();
                break;
        }
    }

    /// <summary>Reads one resource object (the reader on its StartObject, left on its EndObject).</summary>
    private static ObjectFields ReadObject(ref Utf8JsonReader reader)
    {
        var fields = new ObjectFields { Start = (int)reader.TokenStartIndex };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                fields.Id = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("cluster_id"u8))
            {
                fields.ClusterId = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                fields.Kind = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("apiVersion"u8))
            {
                fields.ApiVersion = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                fields.Meta = default;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    fields.Meta = ReadMetadata(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        fields.End = (int)reader.BytesConsumed;
        return fields;
    }

    private static MetadataFields ReadMetadata(ref Utf8JsonReader reader)
    {
        var meta = default(MetadataFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                meta.Name = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                meta.Namespace = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("resourceVersion"u8))
            {
                meta.ResourceVersion = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("cluster_id"u8))
            {
                meta.ClusterId = NextString(ref reader);
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                reader.Read();
                meta.Labels = reader.TokenType == JsonTokenType.StartArray ? ReadLabels(ref reader) : Skipped(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return meta;
    }

    /// <summary>Labels (items of kind <c>label</c>, or without a kind), the first of a repeated key kept.</summary>
    private static KeyValuePair<string, string>[] ReadLabels(ref Utf8JsonReader reader)
    {
        List<KeyValuePair<string, string>>? labels = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? key = null, value = null, kind = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("key"u8))
                {
                    key = NextString(ref reader);
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    value = NextString(ref reader);
                }
                else if (reader.ValueTextEquals("kind"u8))
                {
                    kind = NextString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (key is not null && kind != KubernetesKeyValue.AnnotationKind && (labels is null || !labels.Exists(l => l.Key == key)))
            {
                (labels ??= []).Add(new(key, value ?? string.Empty));
            }
        }

        return labels is null ? [] : [.. labels];
    }

    private static KeyValuePair<string, string>[] Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return [];
    }

    /// <summary>The next value as a string; any other kind of value (skipped) counts as absent.</summary>
    private static string? NextString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>ObjectType and EventType are strings (or null); anything else is a malformed message.</summary>
    private static string? EnvelopeString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("ObjectType and EventType must be strings."),
    };

    private static EnvelopeKey EnvelopeKeyOf(ref Utf8JsonReader reader)
    {
        Span<char> name = stackalloc char[16];
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > name.Length)
        {
            var text = reader.GetString();
            return text is null ? EnvelopeKey.Other : KeyOf(text);
        }

        var length = reader.CopyString(name);
        return KeyOf(name[..length]);
    }

    private static EnvelopeKey KeyOf(ReadOnlySpan<char> name) =>
        name.Equals("Object", StringComparison.OrdinalIgnoreCase) ? EnvelopeKey.Object
        : name.Equals("ObjectType", StringComparison.OrdinalIgnoreCase) ? EnvelopeKey.ObjectType
        : name.Equals("EventType", StringComparison.OrdinalIgnoreCase) ? EnvelopeKey.EventType
        : EnvelopeKey.Other;

    private enum EnvelopeKey
    {
        Other,
        ObjectType,
        EventType,
        Object,
    }

    private struct Envelope
    {
        public string? ObjectType;
        public string? EventType;
        public List<ObjectFields>? Objects;
        public bool ObjectIsSingle;
    }

    private struct MetadataFields
    {
        public string? Name;
        public string? Namespace;
        public string? ResourceVersion;
        public string? ClusterId;
        public KeyValuePair<string, string>[]? Labels;
    }

    private struct ObjectFields
    {
        public int Start;
        public int End;
        public string? Id;
        public string? ClusterId;
        public string? Kind;
        public string? ApiVersion;
        public MetadataFields Meta;

        public readonly ResourceRow ToRow(ReadOnlySpan<byte> payload)
        {
            if (string.IsNullOrEmpty(Id))
            {
                throw new JsonException("The object has no id.");
            }

            return new ResourceRow(
                Id,
                (string.IsNullOrEmpty(ClusterId) ? Meta.ClusterId : ClusterId) ?? string.Empty,
                Kind ?? string.Empty,
                ApiVersion ?? string.Empty,
                Meta.Namespace ?? string.Empty,
                Meta.Name ?? string.Empty,
                Meta.ResourceVersion ?? string.Empty,
                Meta.Labels ?? [],
                payload[Start..End].ToArray());
        }
    }
}
