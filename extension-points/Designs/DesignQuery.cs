using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Designs;

/// <summary>Filters on a design list.</summary>
public sealed record DesignQuery
{
    public PageRequest Page { get; set; } = new();

    public IReadOnlyList<string> Visibility { get; set; } = [];

    public DateTimeOffset? UpdatedAfter { get; set; }
}
