using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Events;

/// <summary>Filters on an event list (Meshery's <c>EventsFilter</c>): lists are OR within, AND across.</summary>
public sealed record EventQuery
{
    public PageRequest Page { get; set; } = new();

    public IReadOnlyList<string> Category { get; set; } = [];

    public IReadOnlyList<string> Action { get; set; } = [];

    public IReadOnlyList<string> Severity { get; set; } = [];

    public string? Status { get; set; }

    public IReadOnlyList<Guid> ActedUpon { get; set; } = [];
}
