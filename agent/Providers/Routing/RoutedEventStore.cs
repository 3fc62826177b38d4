using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Events;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IEventStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedEventStore(IEventStore local, IEventStore remote) : IEventStore
{
    public Task<EventPage> ListAsync(ProviderCaller caller, EventQuery query, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, query, cancellationToken);

    public Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken) =>
        Pick(caller).CreateAsync(caller, @event, cancellationToken);

    public Task<IReadOnlyList<EventType>> ListTypesAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        Pick(caller).ListTypesAsync(caller, cancellationToken);

    public Task<int> UpdateStatusAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, string status, CancellationToken cancellationToken) =>
        Pick(caller).UpdateStatusAsync(caller, ids, status, cancellationToken);

    public Task<int> DeleteAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, ids, cancellationToken);

    private IEventStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
