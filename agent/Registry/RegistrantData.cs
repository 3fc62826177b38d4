using System.Text.Json.Nodes;

namespace Meshery.Agent.Registry;

/// <summary>
/// A registration body, in either form registrants send: <c>{host: {Hostname, Port, Metadata, IHost}, entityType, entity}</c>
/// (adapters, meshkit's untagged struct) or <c>{connection: {...v1beta3 connection}, entityType, entity}</c> (current
/// meshkit). <c>entity</c> is the base64 of the definition's JSON (a JSON object is taken as it is).
/// </summary>
public sealed record RegistrantData
{
    public RegistrantHost? Host { get; set; }

    public JsonObject? Connection { get; set; }

    public string? EntityType { get; set; }

    public JsonNode? Entity { get; set; }
}
