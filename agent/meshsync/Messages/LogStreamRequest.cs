using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// One pod log request (upstream's <c>LogRequest</c>). A log-stream payload is a map of them by any key,
/// or a single one. <c>stop: true</c> ends a running stream for the same namespace, pod and container.
/// </summary>
public sealed record LogStreamRequest
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The pod name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("container")]
    public string? Container { get; init; }

    [JsonPropertyName("follow")]
    public bool Follow { get; init; }

    [JsonPropertyName("previous")]
    public bool Previous { get; init; }

    [JsonPropertyName("taillines")]
    public long? TailLines { get; init; }

    [JsonPropertyName("stop")]
    public bool Stop { get; init; }
}
