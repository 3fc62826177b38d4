using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Workspaces;

/// <summary>What a client sends to create or update a workspace.</summary>
public sealed record WorkspacePayload
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public Guid? OrganizationId { get; set; }

    public JsonObject? Metadata { get; set; }
}
