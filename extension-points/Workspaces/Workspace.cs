using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Workspaces;

/// <summary>A workspace: a team's view over environments and designs (schemas v1beta3 workspace).</summary>
public sealed record Workspace
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid? OrganizationId { get; set; }

    public Guid? Owner { get; set; }

    public JsonObject? Metadata { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
