namespace Meshery.Agent.ClusterCache;

/// <summary>How many resources the cache holds, per cluster and kind.</summary>
public sealed record ResourceSummary(int TotalCount, IReadOnlyList<ClusterResourceCount> Clusters);
