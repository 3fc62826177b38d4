using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>A chunk of pod log (upstream's <c>LogObject</c>): request id, text, pod (primary), container (secondary).</summary>
public sealed record LogObject
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("data")]
    public string? Data { get; init; }

    [JsonPropertyName("primary")]
    public string? Primary { get; init; }

    [JsonPropertyName("secondary")]
    public string? Secondary { get; init; }
}
