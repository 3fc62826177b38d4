using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Providers.Routing;

/// <summary><see cref="IWorkspaceStore"/> of the provider the caller belongs to (see <see cref="CallerRouting"/>).</summary>
internal sealed class RoutedWorkspaceStore(IWorkspaceStore local, IWorkspaceStore remote) : IWorkspaceStore
{
    public Task<WorkspacePage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken) =>
        Pick(caller).ListAsync(caller, page, organizationId, cancellationToken);

    public Task<Stored<Workspace>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).GetAsync(caller, id, cancellationToken);

    public Task<Stored<Workspace>> CreateAsync(ProviderCaller caller, WorkspacePayload payload, CancellationToken cancellationToken) =>
        Pick(caller).CreateAsync(caller, payload, cancellationToken);

    public Task<Stored<Workspace>> UpdateAsync(ProviderCaller caller, Guid id, WorkspacePayload payload, string? ifMatch, CancellationToken cancellationToken) =>
        Pick(caller).UpdateAsync(caller, id, payload, ifMatch, cancellationToken);

    public Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Pick(caller).DeleteAsync(caller, id, cancellationToken);

    private IWorkspaceStore Pick(ProviderCaller caller) => CallerRouting.IsRemote(caller) ? remote : local;
}
