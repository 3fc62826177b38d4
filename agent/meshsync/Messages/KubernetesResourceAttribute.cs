using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>A resource's <c>spec</c> or <c>status</c>: <c>{id, attribute:&lt;raw JSON text&gt;}</c>.</summary>
public sealed record KubernetesResourceAttribute
{
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Id { get; init; } = string.Empty;

    /// <summary>The raw JSON of the spec or status, as text.</summary>
    [JsonPropertyName("attribute")]
    public string? Attribute { get; init; }
}
