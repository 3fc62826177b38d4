using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Connections;

/// <summary>
/// Something Meshery manages or talks to: a Kubernetes cluster, a Prometheus or Grafana server, a
/// Meshery server itself (schemas v1beta3 connection).
/// </summary>
public sealed record Connection
{
    public const string CurrentSchemaVersion = "connections.meshery.io/v1beta3";

    public Guid Id { get; set; }

    public string SchemaVersion { get; set; } = CurrentSchemaVersion;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? Url { get; set; }

    public Guid? CredentialId { get; set; }

    public string Type { get; set; } = "";

    public string SubType { get; set; } = "";

    public string Kind { get; set; } = "";

    public JsonObject? Metadata { get; set; }

    public string Status { get; set; } = ConnectionStatuses.Discovered;

    public Guid? Owner { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
