namespace Meshery.ExtensionPoints.Organizations;

/// <summary>A page of organizations.</summary>
public sealed record OrganizationPage(int Page, int PageSize, int TotalCount, IReadOnlyList<Organization> Organizations);
