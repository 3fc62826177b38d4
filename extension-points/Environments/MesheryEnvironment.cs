using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Environments;

/// <summary>A named group of connections within an organization (schemas v1beta3 environment).</summary>
public sealed record MesheryEnvironment
{
    public const string CurrentSchemaVersion = "environments.meshery.io/v1beta3";

    public Guid Id { get; set; }

    public string SchemaVersion { get; set; } = CurrentSchemaVersion;

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid? OrganizationId { get; set; }

    public Guid? Owner { get; set; }

    public JsonObject? Metadata { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
