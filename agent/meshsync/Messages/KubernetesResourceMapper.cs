using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// Turns a Kubernetes object into upstream MeshSync's <see cref="KubernetesResource"/>: metadata fields copied,
/// labels and annotations as key-value items, <c>spec</c>/<c>status</c> and secondary fields as raw JSON text,
/// the id derived from cluster, kind, apiVersion, namespace and name.
/// </summary>
public static class KubernetesResourceMapper
{
    /// <summary>What replaces each value of a redacted Secret's <c>data</c> and <c>stringData</c> (valid base64).</summary>
    public const string RedactedValue = "REDACTED";

    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maps <paramref name="k8sObject"/> (as the API server returns it) for cluster <paramref name="clusterId"/>.</summary>
    public static KubernetesResource FromObject(JsonObject k8sObject, string clusterId) =>
        FromObject(k8sObject, clusterId, redactSecrets: false);

    /// <summary>Maps <paramref name="k8sObject"/>; with <paramref name="redactSecrets"/> a Secret keeps its keys but not its values.</summary>
    public static KubernetesResource FromObject(JsonObject k8sObject, string clusterId, bool redactSecrets)
    {
        ArgumentNullException.ThrowIfNull(k8sObject);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            k8sObject.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return FromElement(document.RootElement, clusterId, null, null, redactSecrets);
    }

    /// <summary>
    /// Maps a parsed object. <paramref name="apiVersion"/> and <paramref name="kind"/> fill in what list items
    /// leave out (a real API server omits them inside a list).
    /// </summary>
    public static KubernetesResource FromElement(JsonElement obj, string clusterId, string? apiVersion, string? kind, bool redactSecrets)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A Kubernetes object must be a JSON object.", nameof(obj));
        }

        apiVersion = Str(obj, "apiVersion") ?? apiVersion ?? string.Empty;
        kind = Str(obj, "kind") ?? kind ?? string.Empty;
        var meta = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var name = Str(meta, "name") ?? string.Empty;
        var ns = Str(meta, "namespace");
        var id = ComputeId(clusterId, kind, apiVersion, ns, name);
        var redact = redactSecrets && kind == "Secret" && apiVersion == "v1";

        return new KubernetesResource
        {
            Id = id,
            ApiVersion = apiVersion,
            Kind = kind,
            ClusterId = clusterId,
            Metadata = new KubernetesResourceObjectMeta
            {
                Id = id,
                Name = Empty(name),
                GenerateName = Str(meta, "generateName"),
                Namespace = Empty(ns),
                SelfLink = Str(meta, "selfLink"),
                Uid = Str(meta, "uid") ?? string.Empty,
                ResourceVersion = Str(meta, "resourceVersion"),
                Generation = Long(meta, "generation") is { } g and not 0 ? g : null,
                CreationTimestamp = Str(meta, "creationTimestamp"),
                DeletionTimestamp = Str(meta, "deletionTimestamp"),
                DeletionGracePeriodSeconds = Long(meta, "deletionGracePeriodSeconds"),
                Labels = KeyValues(meta, "labels", KubernetesKeyValue.LabelKind, id, redact: false),
                Annotations = KeyValues(meta, "annotations", KubernetesKeyValue.AnnotationKind, id, redact),
                OwnerReferences = Raw(meta, "ownerReferences"),
                Finalizers = Raw(meta, "finalizers"),
                ClusterName = Str(meta, "clusterName"),
                ManagedFields = Raw(meta, "managedFields"),
                ClusterId = clusterId,
            },
            Spec = Raw(obj, "spec") is { } spec ? new KubernetesResourceAttribute { Id = id, Attribute = spec } : null,
            Status = Raw(obj, "status") is { } status ? new KubernetesResourceAttribute { Id = id, Attribute = status } : null,
            Immutable = Text(obj, "immutable"),
            Data = redact ? RedactedMap(obj, "data") : Raw(obj, "data"),
            BinaryData = redact ? RedactedMap(obj, "binaryData") : Raw(obj, "binaryData"),
            StringData = redact ? RedactedMap(obj, "stringData") : Raw(obj, "stringData"),
            Type = Text(obj, "type"),
        };
    }

    /// <summary>Standard base64 of <c>&lt;clusterId&gt;.&lt;kind&gt;.&lt;apiVersion&gt;.&lt;namespace&gt;.&lt;name&gt;</c>.</summary>
    public static string ComputeId(string clusterId, string kind, string apiVersion, string? ns, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clusterId}.{kind}.{apiVersion}.{ns}.{name}"));

    /// <summary>A name-based (v5-style) UUID for a label or annotation of the resource <paramref name="id"/>.</summary>
    public static string ComputeUniqueId(string id, string kind, string key)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes($"{id}/{kind}/{key}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }

    private static List<KubernetesKeyValue>? KeyValues(JsonElement meta, string property, string kind, string id, bool redact)
    {
        if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty(property, out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var items = new List<KubernetesKeyValue>();
        foreach (var pair in map.EnumerateObject())
        {
            var value = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() : pair.Value.GetRawText();
            if (redact && pair.Name == LastAppliedAnnotation)
            {
                value = RedactedValue;
            }

            items.Add(new KubernetesKeyValue
            {
                Id = id,
                UniqueId = ComputeUniqueId(id, kind, pair.Name),
                Kind = kind,
                Key = Empty(pair.Name),
                Value = Empty(value),
            });
        }

        return items.Count == 0 ? null : items;
    }

    private static string? RedactedMap(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            return "\"" + RedactedValue + "\"";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var pair in map.EnumerateObject())
            {
                writer.WriteString(pair.Name, RedactedValue);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A string member that is not empty; null otherwise.</summary>
    internal static string? Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? Empty(value.GetString())
            : null;

    /// <summary>An integer member; null otherwise.</summary>
    internal static long? Long(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : null;

    /// <summary>Raw JSON text of a member (what upstream's jsonparser returns), null when absent or JSON null.</summary>
    private static string? Raw(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetRawText()
            : null;

    /// <summary>Like <see cref="Raw"/>, but a string member yields its text without quotes (jsonparser's behaviour).</summary>
    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? Empty(value.GetString()) : value.GetRawText()
            : null;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
