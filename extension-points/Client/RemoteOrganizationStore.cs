using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>organizations</c> over HTTP: <c>GET ep</c> (list) and <c>GET ep/{id}</c>.</summary>
public sealed class RemoteOrganizationStore : IOrganizationStore
{
    private readonly ProviderHttp _http;

    internal RemoteOrganizationStore(ProviderHttp http) => _http = http;

    public async Task<OrganizationPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var uri = await _http.EndpointAsync(Features.Organizations, caller, QueryBuilder.ForPage(page).ToString(), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new OrganizationPage(page.Page, page.PageSize, 0, [])
            : ProviderHttp.Read<OrganizationPage>(response);
    }

    public async Task<Organization?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.Organizations, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : ProviderHttp.Read<Organization>(response);
    }
}
