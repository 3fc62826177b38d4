using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>workspaces</c> over HTTP (a 204 list is an empty page).</summary>
public sealed class RemoteWorkspaceStore : IWorkspaceStore
{
    private readonly ProviderHttp _http;

    internal RemoteWorkspaceStore(ProviderHttp http) => _http = http;

    public async Task<WorkspacePage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var query = QueryBuilder.ForPage(page).Add("orgId", organizationId).ToString();
        var uri = await _http.EndpointAsync(Features.Workspaces, caller, query, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new WorkspacePage(page.Page, page.PageSize, 0, [])
            : ProviderHttp.Read<WorkspacePage>(response);
    }

    public async Task<Stored<Workspace>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Workspaces, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : Stored(response);
    }

    public async Task<Stored<Workspace>> CreateAsync(ProviderCaller caller, WorkspacePayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.Workspaces, caller, "", cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(payload), null, cancellationToken));
    }

    public async Task<Stored<Workspace>> UpdateAsync(
        ProviderCaller caller, Guid id, WorkspacePayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.Workspaces, caller, "/" + id.ToString("D"), cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Put, uri, ProviderHttp.Json(payload), ifMatch, cancellationToken));
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Workspaces, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }

    private static Stored<Workspace> Stored(ProviderResponse response) => new(ProviderHttp.Read<Workspace>(response), response.ETag ?? "");
}
