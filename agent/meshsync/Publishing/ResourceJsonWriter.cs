using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;
using static Meshery.Agent.MeshSync.Messages.KubernetesResourceMapper;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// Writes an API object straight into <see cref="KubernetesResource"/> JSON, without building the record: the bytes
/// are exactly what <see cref="MeshSyncJsonContext"/> writes for <see cref="KubernetesResourceMapper.FromElement"/>'s
/// result (same keys, order, omissions and escaping; <c>ResourceJsonWriterTests</c> holds it to that), with far
/// fewer strings made on the way. Every object of a sync passes through here. The record stays the model for what
/// this does not cover: redacted Secrets and objects trimmed to fit a message.
/// </summary>
internal static class ResourceJsonWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Write(JsonElement obj, string clusterId, string? apiVersion, string? kind)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, obj, clusterId, apiVersion, kind);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 256 * 1024)
        {
            // One very large object must not keep its buffer alive on this thread.
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement obj, string clusterId, string? listApiVersion, string? listKind)
    {
        var apiVersion = Str(obj, "apiVersion") ?? listApiVersion ?? string.Empty;
        var kind = Str(obj, "kind") ?? listKind ?? string.Empty;
        var meta = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var name = Str(meta, "name") ?? string.Empty;
        var ns = Str(meta, "namespace");
        var id = ComputeId(clusterId, kind, apiVersion, ns, name);

        writer.WriteStartObject();
        writer.WriteString("id"u8, id);
        writer.WriteString("apiVersion"u8, apiVersion);
        writer.WriteString("kind"u8, kind);
        writer.WriteNull("model"u8);

        writer.WriteStartObject("metadata"u8);
        writer.WriteString("id"u8, id);
        if (name.Length > 0)
        {
            writer.WriteString("name"u8, name);
        }

        CopyString(writer, "generateName"u8, meta, "generateName");
        if (ns is not null)
        {
            writer.WriteString("namespace"u8, ns);
        }

        CopyString(writer, "selfLink"u8, meta, "selfLink");
        if (!CopyString(writer, "uid"u8, meta, "uid"))
        {
            writer.WriteString("uid"u8, string.Empty);
        }

        CopyString(writer, "resourceVersion"u8, meta, "resourceVersion");
        if (Long(meta, "generation") is { } generation and not 0)
        {
            writer.WriteNumber("generation"u8, generation);
        }

        CopyString(writer, "creationTimestamp"u8, meta, "creationTimestamp");
        CopyString(writer, "deletionTimestamp"u8, meta, "deletionTimestamp");
        if (Long(meta, "deletionGracePeriodSeconds") is { } grace)
        {
            writer.WriteNumber("deletionGracePeriodSeconds"u8, grace);
        }

        WriteKeyValues(writer, "labels"u8, meta, "labels", KubernetesKeyValue.LabelKind, id);
        WriteKeyValues(writer, "annotations"u8, meta, "annotations", KubernetesKeyValue.AnnotationKind, id);
        CopyRaw(writer, "ownerReferences"u8, meta, "ownerReferences");
        CopyRaw(writer, "finalizers"u8, meta, "finalizers");
        CopyString(writer, "clusterName"u8, meta, "clusterName");
        CopyRaw(writer, "managedFields"u8, meta, "managedFields");
        writer.WriteString("cluster_id"u8, clusterId);
        writer.WriteEndObject();

        WriteAttribute(writer, "spec"u8, obj, "spec", id);
        WriteAttribute(writer, "status"u8, obj, "status", id);
        writer.WriteString("cluster_id"u8, clusterId);
        writer.WriteNull("pattern_resource"u8);
        writer.WriteNull("component_metadata"u8);
        CopyText(writer, "immutable"u8, obj, "immutable");
        CopyRaw(writer, "data"u8, obj, "data");
        CopyRaw(writer, "binaryData"u8, obj, "binaryData");
        CopyRaw(writer, "stringData"u8, obj, "stringData");
        CopyText(writer, "type"u8, obj, "type");
        writer.WriteEndObject();
    }

    private static void WriteKeyValues(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement meta, string property, string kind, string id)
    {
        if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty(property, out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var started = false;
        foreach (var pair in map.EnumerateObject())
        {
            if (!started)
            {
                writer.WriteStartArray(name);
                started = true;
            }

            writer.WriteStartObject();
            writer.WriteString("id"u8, id);
            writer.WriteString("unique_id"u8, ComputeUniqueId(id, kind, pair.Name));
            writer.WriteString("kind"u8, kind);
            if (pair.Name.Length > 0)
            {
                writer.WriteString("key"u8, pair.Name);
            }

            var value = pair.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                if (!IsEmptyString(value))
                {
                    writer.WritePropertyName("value"u8);
                    value.WriteTo(writer);
                }
            }
            else
            {
                writer.WriteString("value"u8, JsonMarshal.GetRawUtf8Value(value));
            }

            writer.WriteEndObject();
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    private static void WriteAttribute(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement obj, string property, string id)
    {
        if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("id"u8, id);
        writer.WriteString("attribute"u8, JsonMarshal.GetRawUtf8Value(value));
        writer.WriteEndObject();
    }

    /// <summary>A string member that is not empty, written as a string; returns whether it was written.</summary>
    private static bool CopyString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value)
            || value.ValueKind != JsonValueKind.String || IsEmptyString(value))
        {
            return false;
        }

        writer.WritePropertyName(name);
        value.WriteTo(writer);
        return true;
    }

    /// <summary>Any member but JSON null, as its raw JSON text in a string (what upstream's jsonparser returns).</summary>
    private static void CopyRaw(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            writer.WriteString(name, JsonMarshal.GetRawUtf8Value(value));
        }
    }

    /// <summary>Like <see cref="CopyRaw"/>, but a string member is written as its text (empty: left out).</summary>
    private static void CopyText(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            CopyString(writer, name, element, property);
        }
        else
        {
            writer.WriteString(name, JsonMarshal.GetRawUtf8Value(value));
        }
    }

    private static bool IsEmptyString(JsonElement value) => JsonMarshal.GetRawUtf8Value(value).Length == 2;
}
