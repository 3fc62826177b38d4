using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Organizations;

/// <summary>An organization: the tenant that owns environments and workspaces.</summary>
public sealed record Organization
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public Guid? Owner { get; set; }

    public JsonObject? Metadata { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
