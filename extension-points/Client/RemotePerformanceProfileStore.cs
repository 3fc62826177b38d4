using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>persist-performance-profiles</c> over HTTP: a save (create or update by id) is <c>POST ep</c>.</summary>
public sealed class RemotePerformanceProfileStore : IPerformanceProfileStore
{
    private readonly ProviderHttp _http;

    internal RemotePerformanceProfileStore(ProviderHttp http) => _http = http;

    public async Task<PerformanceProfilePage> ListAsync(ProviderCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(page);
        var uri = await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, QueryBuilder.ForPage(page).ToString(), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new PerformanceProfilePage(page.Page, page.PageSize, 0, [])
            : ProviderHttp.Read<PerformanceProfilePage>(response);
    }

    public async Task<Stored<PerformanceProfile>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : Stored(response);
    }

    public async Task<Stored<PerformanceProfile>> SaveAsync(
        ProviderCaller caller, PerformanceProfile profile, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(profile);
        var uri = await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, "", cancellationToken);
        return Stored(await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(profile), ifMatch, cancellationToken));
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }

    private static Stored<PerformanceProfile> Stored(ProviderResponse response) =>
        new(ProviderHttp.ReadOne<PerformanceProfile>(response), response.ETag ?? "");
}
