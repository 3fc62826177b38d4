namespace Meshery.ExtensionPoints.Environments;

/// <summary>A page of environments.</summary>
public sealed record EnvironmentPage(int Page, int PageSize, int TotalCount, IReadOnlyList<MesheryEnvironment> Environments);
