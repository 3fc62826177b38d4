namespace Meshery.ExtensionPoints.Performance;

/// <summary>A page of performance results.</summary>
public sealed record PerformanceResultPage(int Page, int PageSize, int TotalCount, IReadOnlyList<PerformanceResult> Results);
