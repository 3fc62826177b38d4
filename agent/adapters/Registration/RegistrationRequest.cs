using System.Text.Json.Serialization;

namespace Meshery.Agent.Adapters.Registration;

/// <summary>
/// One component registration in the form adapters have long sent:
/// <c>{"host":{...},"entityType":"component","entity":"&lt;base64 of the definition JSON&gt;"}</c>.
/// </summary>
public sealed record RegistrationRequest
{
    [JsonPropertyName("host")]
    public RegistrationHost Host { get; set; } = new();

    [JsonPropertyName("entityType")]
    public string EntityType { get; set; } = "component";

    /// <summary>The component definition's JSON bytes (base64 on the wire, as Go encodes <c>[]byte</c>).</summary>
    [JsonPropertyName("entity")]
    public byte[] Entity { get; set; } = [];
}
