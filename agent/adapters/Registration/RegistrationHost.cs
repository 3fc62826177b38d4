using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Meshery.Agent.Adapters.Registration;

/// <summary>The registrant as meshkit's untagged Go struct sends it: PascalCase keys.</summary>
public sealed record RegistrationHost
{
    [JsonPropertyName("Hostname")]
    public string Hostname { get; set; } = "";

    [JsonPropertyName("Port")]
    public int Port { get; set; }

    /// <summary>The adapter instance id.</summary>
    [JsonPropertyName("Metadata")]
    public string Metadata { get; set; } = "";

    [JsonPropertyName("IHost")]
    public JsonNode? IHost { get; set; }
}
