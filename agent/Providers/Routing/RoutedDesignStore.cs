using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Designs;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IDesignStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedDesignStore(IDesignStore local, IDesignStore remote) : IDesignStore
{
    public Task<DesignPage> ListAsync(ProviderCaller caller, DesignQuery query, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, query, cancellationToken);

    public Task<Stored<Design>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<Design>> SaveAsync(ProviderCaller caller, Design design, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).SaveAsync(caller, design, ifMatch, cancellationToken);

    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    private IDesignStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
