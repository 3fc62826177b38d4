using System.Text.Json.Nodes;

namespace Meshery.ExtensionPoints.Events;

/// <summary>Something that happened, as meshkit reports it (schemas v1beta3 event).</summary>
public sealed record MesheryEvent
{
    public Guid Id { get; set; }

    /// <summary>The user the event belongs to (<c>user_id</c> in older releases).</summary>
    public Guid? Owner { get; set; }

    public Guid? SystemId { get; set; }

    public Guid? OperationId { get; set; }

    public Guid? ActedUpon { get; set; }

    public string Category { get; set; } = "";

    public string Action { get; set; } = "";

    public string Severity { get; set; } = EventSeverities.Informational;

    public string Status { get; set; } = EventStatuses.Unread;

    public string Description { get; set; } = "";

    public JsonObject? Metadata { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
