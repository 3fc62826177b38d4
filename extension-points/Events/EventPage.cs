namespace Meshery.ExtensionPoints.Events;

/// <summary>
/// A page of events, with <see cref="ReadCount"/> (the caller's read events) and
/// <see cref="CountBySeverityLevel"/> (the caller's unread events per severity) taken over all of the
/// caller's events, not just the filtered page: they feed Meshery's notification badge.
/// </summary>
public sealed record EventPage(
    IReadOnlyList<MesheryEvent> Data,
    int Page,
    int PageSize,
    int TotalCount,
    int ReadCount,
    IReadOnlyList<SeverityCount> CountBySeverityLevel);
