namespace Meshery.ExtensionPoints.Events;

/// <summary>A page of events with the unread count and a count per severity over the whole filter.</summary>
public sealed record EventPage(
    IReadOnlyList<MesheryEvent> Data,
    int Page,
    int PageSize,
    int TotalCount,
    int ReadCount,
    IReadOnlyList<SeverityCount> CountBySeverityLevel);
