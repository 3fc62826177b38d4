namespace Meshery.ExtensionPoints.Designs;

/// <summary>A page of designs.</summary>
public sealed record DesignPage(int Page, int PageSize, int TotalCount, IReadOnlyList<Design> Patterns);
