using System.Text.Json.Nodes;

namespace Meshery.Agent.Registry;

/// <summary>A registrant as <c>GET /api/registry/registrants</c> lists it: a connection-shaped record with its summary.</summary>
public sealed record Registrant
{
    public Guid Id { get; set; }

    /// <summary><c>host:port</c> for the older form, the connection's name for the newer.</summary>
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Type { get; set; } = "registry";

    public string SubType { get; set; } = "";

    public string Status { get; set; } = "registered";

    public JsonObject? Metadata { get; set; }

    public RegistrantSummary Summary { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
