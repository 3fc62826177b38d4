namespace Meshery.ExtensionPoints.Connections;

/// <summary>Capability <c>persist-connection</c>.</summary>
public interface IConnectionStore
{
    Task<ConnectionPage> ListAsync(ProviderCaller caller, ConnectionQuery query, CancellationToken cancellationToken);

    Task<Stored<Connection>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>Registers a connection; a payload whose id already exists for the caller updates it.</summary>
    Task<Stored<Connection>> SaveAsync(ProviderCaller caller, ConnectionPayload payload, CancellationToken cancellationToken);

    Task<Stored<Connection>> UpdateAsync(ProviderCaller caller, Guid id, ConnectionPayload payload, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Deletes the connection and returns what it was, or null when there was none.</summary>
    Task<Connection?> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}
