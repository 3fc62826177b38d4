using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>meshkit's <c>broker.RequestObject</c>: <c>{"Entity":..,"Payload":..}</c>.</summary>
public sealed record MeshSyncRequest
{
    [JsonPropertyName("Entity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Entity { get; init; } = string.Empty;

    /// <summary>Entity-specific: <see cref="InformerStoreRequest"/>, a map of <see cref="LogStreamRequest"/>, or nothing.</summary>
    [JsonPropertyName("Payload")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Payload { get; init; }
}
