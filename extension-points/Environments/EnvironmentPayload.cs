using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Environments;

/// <summary>What a client sends to create or update an environment.</summary>
public sealed record EnvironmentPayload
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public Guid? OrganizationId { get; set; }

    public JsonObject? Metadata { get; set; }
}
