namespace Meshery.ExtensionPoints.Events;

/// <summary>Meshery's <c>filter</c> query value for <c>/api/events/list</c>, as JSON.</summary>
public sealed record EventsFilter
{
    public IReadOnlyList<string> Category { get; set; } = [];

    public IReadOnlyList<string> Action { get; set; } = [];

    public IReadOnlyList<string> Severity { get; set; } = [];

    public string? Status { get; set; }

    public IReadOnlyList<string> ActedUpon { get; set; } = [];

    public string? Search { get; set; }

    public string? Order { get; set; }
}
