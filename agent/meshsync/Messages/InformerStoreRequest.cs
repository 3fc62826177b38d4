using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>Payload of an informer-store request: <c>{"Reply":"&lt;subject&gt;"}</c>.</summary>
public sealed record InformerStoreRequest
{
    [JsonPropertyName("Reply")]
    public string? Reply { get; init; }
}
