using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IOrganizationStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedOrganizationStore(IOrganizationStore local, IOrganizationStore remote) : IOrganizationStore
{
    public Task<OrganizationPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, page, cancellationToken);

    public Task<Organization?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    private IOrganizationStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
