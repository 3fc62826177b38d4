namespace Meshery.ExtensionPoints.Events;

/// <summary>Body of a bulk status change: <c>{ids, status}</c>; a single-event change sends only <c>status</c>.</summary>
public sealed record EventStatusUpdate
{
    public IReadOnlyList<Guid> Ids { get; set; } = [];

    public string? Status { get; set; }
}
