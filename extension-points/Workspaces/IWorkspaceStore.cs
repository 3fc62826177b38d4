using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Workspaces;

/// <summary>Capability <c>workspaces</c>.</summary>
public interface IWorkspaceStore
{
    Task<WorkspacePage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken);

    Task<Stored<Workspace>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);

    Task<Stored<Workspace>> CreateAsync(ProviderCaller caller, WorkspacePayload payload, CancellationToken cancellationToken);

    Task<Stored<Workspace>> UpdateAsync(ProviderCaller caller, Guid id, WorkspacePayload payload, string? ifMatch, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken);
}
