namespace Meshery.ExtensionPoints.Connections;

/// <summary>A page of connections, with how many are in each status.</summary>
public sealed record ConnectionPage(
    IReadOnlyList<Connection> Connections,
    int TotalCount,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, int>? StatusSummary = null);
