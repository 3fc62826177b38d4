using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Connections;

/// <summary>Filters on a connection list: every non-empty list must match (values within one are OR).</summary>
public sealed record ConnectionQuery
{
    public PageRequest Page { get; set; } = new();

    public string? Name { get; set; }

    public IReadOnlyList<string> Kinds { get; set; } = [];

    public IReadOnlyList<string> Types { get; set; } = [];

    public IReadOnlyList<string> Statuses { get; set; } = [];
}
