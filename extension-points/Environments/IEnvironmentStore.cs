using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Environments;

/// <summary>Capability <c>environments</c>: environments and which connections belong to each.</summary>
public interface IEnvironmentStore
{
    Task<EnvironmentPage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken);

    Task<Stored<MesheryEnvironment>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, EnvironmentPayload payload, CancellationToken cancellationToken);

    /// <summary>Updates the named fields; throws <c>NotFound</c> or <c>PreconditionFailed</c>.</summary>
    Task<Stored<MesheryEnvironment>> UpdateAsync(ProviderCaller caller, Guid id, EnvironmentPayload payload, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Deletes the environment and its connection mappings; false when there was none.</summary>
    Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    /// <summary>Maps a connection into an environment (idempotent); throws <c>NotFound</c> for either id.</summary>
    Task AddConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken);

    Task<bool> RemoveConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken);

    Task<ConnectionPage> ListConnectionsAsync(ProviderCaller caller, Guid environmentId, PageRequest page, CancellationToken cancellationToken);
}
