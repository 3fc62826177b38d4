using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IConnectionStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedConnectionStore(IConnectionStore local, IConnectionStore remote) : IConnectionStore
{
    public Task<ConnectionPage> ListAsync(ProviderCaller caller, ConnectionQuery query, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, query, cancellationToken);

    public Task<Stored<Connection>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<Connection>> SaveAsync(ProviderCaller caller, ConnectionPayload payload, CancellationToken cancellationToken) =>
        Pick(caller).SaveAsync(caller, payload, cancellationToken);

    public Task<Stored<Connection>> UpdateAsync(ProviderCaller caller, Guid id, ConnectionPayload payload, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).UpdateAsync(caller, id, payload, ifMatch, cancellationToken);

    public Task<Connection?> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    private IConnectionStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
