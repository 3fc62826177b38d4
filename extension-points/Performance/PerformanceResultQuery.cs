using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Performance;

/// <summary>Filters on a result list: one profile's results, and a test start time window.</summary>
public sealed record PerformanceResultQuery
{
    public PageRequest Page { get; set; } = new();

    public Guid? ProfileId { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }
}
