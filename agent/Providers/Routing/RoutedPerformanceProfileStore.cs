using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IPerformanceProfileStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedPerformanceProfileStore(IPerformanceProfileStore local, IPerformanceProfileStore remote) : IPerformanceProfileStore
{
    public Task<PerformanceProfilePage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, page, cancellationToken);

    public Task<Stored<PerformanceProfile>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<PerformanceProfile>> SaveAsync(ProviderCaller caller, PerformanceProfile profile, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).SaveAsync(caller, profile, ifMatch, cancellationToken);

    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    private IPerformanceProfileStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
