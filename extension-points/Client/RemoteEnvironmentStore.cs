using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>environments</c> over HTTP, with the connection mappings under <c>ep/{env}/connections</c>.</summary>
public sealed class RemoteEnvironmentStore : IEnvironmentStore
{
    private readonly ProviderHttp _http;

    internal RemoteEnvironmentStore(ProviderHttp http) => _http = http;

    public async Task<EnvironmentPage> ListAsync(ProviderCaller caller, PageRequest page, Guid? organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var query = QueryBuilder.ForPage(page).Add("orgId", organizationId).ToString();
        var uri = await _http.EndpointAsync(Features.Environments, caller, query, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new EnvironmentPage(page.Page, page.PageSize, 0, [])
            : ProviderHttp.Read<EnvironmentPage>(response);
    }

    public async Task<Stored<MesheryEnvironment>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Environments, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : Stored(response);
    }

    public async Task<Stored<MesheryEnvironment>> CreateAsync(ProviderCaller caller, EnvironmentPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.Environments, caller, "", cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(payload), null, cancellationToken));
    }

    public async Task<Stored<MesheryEnvironment>> UpdateAsync(
        ProviderCaller caller, Guid id, EnvironmentPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.Environments, caller, "/" + id.ToString("D"), cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Put, uri, ProviderHttp.Json(payload), ifMatch, cancellationToken));
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Environments, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }

    public async Task AddConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Environments, caller, MappingPath(environmentId, connectionId), cancellationToken);
        await _http.SendAsync(caller, HttpMethod.Post, uri, null, null, cancellationToken);
    }

    public async Task<bool> RemoveConnectionAsync(ProviderCaller caller, Guid environmentId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Environments, caller, MappingPath(environmentId, connectionId), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }

    public async Task<ConnectionPage> ListConnectionsAsync(ProviderCaller caller, Guid environmentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var suffix = $"/{environmentId:D}/connections{QueryBuilder.ForPage(page)}";
        var uri = await _http.EndpointAsync(Features.Environments, caller, suffix, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new ConnectionPage([], 0, page.Page, page.PageSize)
            : ProviderHttp.Read<ConnectionPage>(response);
    }

    private static string MappingPath(Guid environmentId, Guid connectionId) => $"/{environmentId:D}/connections/{connectionId:D}";

    private static Stored<MesheryEnvironment> Stored(ProviderResponse response) =>
        new(ProviderHttp.Read<MesheryEnvironment>(response), response.ETag ?? "");
}
