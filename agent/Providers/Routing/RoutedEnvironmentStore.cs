using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IEnvironmentStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedEnvironmentStore(IEnvironmentStore local, IEnvironmentStore remote) : IEnvironmentStore
{
    public Task<EnvironmentPage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, page, organizationId, cancellationToken);

    public Task<Stored<MesheryEnvironment>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, EnvironmentPayload payload, CancellationToken cancellationToken) =>
        Pick(caller).CreateAsync(caller, payload, cancellationToken);

    public Task<Stored<MesheryEnvironment>> UpdateAsync(ProviderCaller caller, Guid id, EnvironmentPayload payload, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).UpdateAsync(caller, id, payload, ifMatch, cancellationToken);

    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    public Task AddConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken) =>
        Pick(caller).AddConnectionAsync(caller, environmentId, connectionId, cancellationToken);

    public Task<bool> RemoveConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken) =>
        Pick(caller).RemoveConnectionAsync(caller, environmentId, connectionId, cancellationToken);

    public Task<ConnectionPage> ListConnectionsAsync(ProviderCaller caller, Guid environmentId, PageRequest page, CancellationToken cancellationToken) =>
        Pick(caller).ListConnectionsAsync(caller, environmentId, page, cancellationToken);

    private IEnvironmentStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
