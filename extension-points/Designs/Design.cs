using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Designs;

/// <summary>A saved design (Meshery pattern): its YAML or JSON file kept as text.</summary>
public sealed record Design
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string PatternFile { get; set; } = "";

    public string Visibility { get; set; } = DesignVisibilities.Private;

    public JsonObject? CatalogData { get; set; }

    public JsonObject? Location { get; set; }

    public Guid? UserId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
