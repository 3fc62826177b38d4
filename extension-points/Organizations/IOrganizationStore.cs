using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Organizations;

/// <summary>Capability <c>organizations</c>: the organizations the caller belongs to.</summary>
public interface IOrganizationStore
{
    Task<OrganizationPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken);

    Task<Organization?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}
