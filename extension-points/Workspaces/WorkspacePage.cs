namespace Meshery.ExtensionPoints.Workspaces;

/// <summary>A page of workspaces.</summary>
public sealed record WorkspacePage(int Page, int PageSize, int TotalCount, IReadOnlyList<Workspace> Workspaces);
