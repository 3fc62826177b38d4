namespace Meshery.Agent.Registry;

/// <summary>A page of registrants (schemas v1beta1 RegistryRegistrantsPage).</summary>
public sealed record RegistrantPage(IReadOnlyList<Registrant> Registrants, long TotalCount, int Page, int PageSize);
