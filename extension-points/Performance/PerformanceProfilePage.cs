namespace Meshery.ExtensionPoints.Performance;

/// <summary>A page of performance profiles.</summary>
public sealed record PerformanceProfilePage(int Page, int PageSize, int TotalCount, IReadOnlyList<PerformanceProfile> Profiles);
