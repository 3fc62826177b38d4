using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// Upstream's <c>KubernetesResourceObjectMeta</c>. <c>id</c>, <c>uid</c> and <c>cluster_id</c> are always written;
/// the rest only when set. <c>ownerReferences</c>, <c>finalizers</c> and <c>managedFields</c> carry raw JSON text.
/// </summary>
public sealed record KubernetesResourceObjectMeta
{
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("generateName")]
    public string? GenerateName { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("selfLink")]
    public string? SelfLink { get; init; }

    [JsonPropertyName("uid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Uid { get; init; } = string.Empty;

    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; init; }

    [JsonPropertyName("generation")]
    public long? Generation { get; init; }

    [JsonPropertyName("creationTimestamp")]
    public string? CreationTimestamp { get; init; }

    [JsonPropertyName("deletionTimestamp")]
    public string? DeletionTimestamp { get; init; }

    [JsonPropertyName("deletionGracePeriodSeconds")]
    public long? DeletionGracePeriodSeconds { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyList<KubernetesKeyValue>? Labels { get; init; }

    [JsonPropertyName("annotations")]
    public IReadOnlyList<KubernetesKeyValue>? Annotations { get; init; }

    /// <summary>The raw JSON array of owner references, as text.</summary>
    [JsonPropertyName("ownerReferences")]
    public string? OwnerReferences { get; init; }

    /// <summary>The raw JSON array of finalizers, as text.</summary>
    [JsonPropertyName("finalizers")]
    public string? Finalizers { get; init; }

    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; init; }

    /// <summary>The raw JSON array of managed fields, as text (dropped for oversized objects).</summary>
    [JsonPropertyName("managedFields")]
    public string? ManagedFields { get; init; }

    [JsonPropertyName("cluster_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string ClusterId { get; init; } = string.Empty;
}
