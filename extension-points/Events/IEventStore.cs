namespace Meshery.ExtensionPoints.Events;

/// <summary>Capability <c>persist-events</c> and the fixed <c>/api/events</c> paths.</summary>
public interface IEventStore
{
    Task<EventPage> ListAsync(ProviderCaller caller, EventQuery query, CancellationToken cancellationToken);

    Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>Records an event; an event whose id is already stored for the caller is left as it is.</summary>
    Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken);

    Task<IReadOnlyList<EventType>> ListTypesAsync(ProviderCaller caller, CancellationToken cancellationToken);

    /// <summary>Sets the status of the caller's events among <paramref name="ids"/>; returns how many changed.</summary>
    Task<int> UpdateStatusAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, string status, CancellationToken cancellationToken);

    /// <summary>Deletes the caller's events among <paramref name="ids"/>; returns how many went.</summary>
    Task<int> DeleteAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken);
}
