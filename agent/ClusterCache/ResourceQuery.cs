namespace Meshery.Agent.ClusterCache;

/// <summary>Filters on the cached resources; every given one must match.</summary>
public sealed record ResourceQuery
{
    public string? ClusterId { get; init; }

    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    /// <summary>Part of the name, case-insensitive.</summary>
    public string? Search { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}
