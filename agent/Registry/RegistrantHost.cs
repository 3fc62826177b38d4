using System.Text.Json.Nodes;

namespace Meshery.Agent.Registry;

/// <summary>The registrant of the older body form (keys in PascalCase on the wire; any letter case is read).</summary>
public sealed record RegistrantHost
{
    public string? Hostname { get; set; }

    public int? Port { get; set; }

    /// <summary>The adapter instance id (a string upstream; any JSON is kept).</summary>
    public JsonNode? Metadata { get; set; }

    public JsonNode? IHost { get; set; }
}
