using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Configuration;

/// <summary>One whitelist item of the MeshSync resource: <c>{"Resource":"pods.v1.","Events":["ADDED",...]}</c>.</summary>
public sealed record WhitelistEntry
{
    [JsonPropertyName("Resource")]
    public string Resource { get; init; } = string.Empty;

    [JsonPropertyName("Events")]
    public IReadOnlyList<string>? Events { get; init; }
}
