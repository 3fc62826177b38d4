using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// One discovered object in upstream MeshSync's shape (<c>model.KubernetesResource</c>). Keys:
/// <c>id, apiVersion, kind, model, metadata, spec, status, cluster_id, pattern_resource, component_metadata,
/// immutable, data, binaryData, stringData, type</c>. <c>spec</c>, <c>status</c> and the five secondary fields
/// are left out when absent; the others are always written.
/// </summary>
public sealed record KubernetesResource
{
    /// <summary>Standard base64 of <c>&lt;clusterId&gt;.&lt;kind&gt;.&lt;apiVersion&gt;.&lt;namespace&gt;.&lt;name&gt;</c>.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("apiVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string ApiVersion { get; init; } = string.Empty;

    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Kind { get; init; } = string.Empty;

    /// <summary>Filled by the server from its registry; MeshSync sends null.</summary>
    [JsonPropertyName("model")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Model { get; init; }

    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public KubernetesResourceObjectMeta Metadata { get; init; } = new();

    [JsonPropertyName("spec")]
    public KubernetesResourceAttribute? Spec { get; init; }

    [JsonPropertyName("status")]
    public KubernetesResourceAttribute? Status { get; init; }

    /// <summary>UID of the cluster's <c>kube-system</c> namespace.</summary>
    [JsonPropertyName("cluster_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string ClusterId { get; init; } = string.Empty;

    [JsonPropertyName("pattern_resource")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PatternResource { get; init; }

    /// <summary>Filled by the server from its registry; MeshSync sends null.</summary>
    [JsonPropertyName("component_metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? ComponentMetadata { get; init; }

    /// <summary>The raw JSON text of the object's <c>immutable</c> (ConfigMaps, Secrets), e.g. <c>true</c>.</summary>
    [JsonPropertyName("immutable")]
    public string? Immutable { get; init; }

    /// <summary>The raw JSON text of the object's <c>data</c> (an object for ConfigMaps and Secrets).</summary>
    [JsonPropertyName("data")]
    public string? Data { get; init; }

    [JsonPropertyName("binaryData")]
    public string? BinaryData { get; init; }

    [JsonPropertyName("stringData")]
    public string? StringData { get; init; }

    /// <summary>The object's <c>type</c> as text (a Secret's <c>Opaque</c>, ...).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
