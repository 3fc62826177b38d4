using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// <c>persist-credentials</c> over HTTP: an update is <c>PUT ep</c> with the id in the body, a delete
/// <c>DELETE ep?credential_id=</c>.
/// </summary>
public sealed class RemoteCredentialStore : ICredentialStore
{
    private readonly ProviderHttp _http;

    internal RemoteCredentialStore(ProviderHttp http) => _http = http;

    public async Task<CredentialPage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var uri = await _http.EndpointAsync(Features.PersistCredentials, caller, QueryBuilder.ForPage(page).ToString(), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new CredentialPage([], 0, page.Page, page.PageSize)
            : ProviderHttp.Read<CredentialPage>(response);
    }

    public async Task<Stored<Credential>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistCredentials, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : Stored(response);
    }

    public async Task<Stored<Credential>> CreateAsync(ProviderCaller caller, CredentialPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.PersistCredentials, caller, "", cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(payload), null, cancellationToken));
    }

    public async Task<Stored<Credential>> UpdateAsync(
        ProviderCaller caller, Guid id, CredentialPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.PersistCredentials, caller, "", cancellationToken);
        var body = ProviderHttp.Json(payload with { Id = id });
        return Stored(await _http.SendAsync(caller, HttpMethod.Put, uri, body, ifMatch, cancellationToken));
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var suffix = new QueryBuilder().Add("credential_id", id).ToString();
        var uri = await _http.EndpointAsync(Features.PersistCredentials, caller, suffix, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }

    private static Stored<Credential> Stored(ProviderResponse response) => new(ProviderHttp.Read<Credential>(response), response.ETag ?? "");
}
