namespace Meshery.Agent.ClusterCache;

/// <summary>One cluster's resource counts by kind.</summary>
public sealed record ClusterResourceCount(string ClusterId, int TotalCount, IReadOnlyDictionary<string, int> Kinds);
