using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>A label or annotation: <c>{id, unique_id, kind:"label"|"annotation", key, value}</c>.</summary>
public sealed record KubernetesKeyValue
{
    public const string LabelKind = "label";
    public const string AnnotationKind = "annotation";

    /// <summary>The owning resource's id.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Id { get; init; } = string.Empty;

    /// <summary>Stable per (resource, kind, key): a name-based UUID, so re-publishing an object does not churn rows.</summary>
    [JsonPropertyName("unique_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string UniqueId { get; init; } = string.Empty;

    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Kind { get; init; } = LabelKind;

    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }
}
