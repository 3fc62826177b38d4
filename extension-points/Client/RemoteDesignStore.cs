using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Designs;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// <c>persist-meshery-patterns</c> over HTTP: a save is Meshery's <c>POST ep {name, patternData, save:true}</c>
/// answered with the saved design (in a one-element list).
/// </summary>
public sealed class RemoteDesignStore : IDesignStore
{
    private readonly ProviderHttp _http;

    internal RemoteDesignStore(ProviderHttp http) => _http = http;

    public async Task<DesignPage> ListAsync(ProviderCaller caller, DesignQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var suffix = QueryBuilder.ForPage(query.Page)
            .Add("updated_after", query.UpdatedAfter)
            .AddEach("visibility", query.Visibility)
            .ToString();
        var uri = await _http.EndpointAsync(Features.PersistMesheryPatterns, caller, suffix, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new DesignPage(query.Page.Page, query.Page.PageSize, 0, [])
            : ProviderHttp.Read<DesignPage>(response);
    }

    public async Task<Stored<Design>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistMesheryPatterns, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : new Stored<Design>(ProviderHttp.Read<Design>(response), response.ETag ?? "");
    }

    public async Task<Stored<Design>> SaveAsync(ProviderCaller caller, Design design, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(design);
        var uri = await _http.EndpointAsync(Features.PersistMesheryPatterns, caller, "", cancellationToken);
        var request = new DesignSaveRequest { Name = design.Name, PatternData = design, Save = true };
        var response = await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(request), ifMatch, cancellationToken);
        return new Stored<Design>(ProviderHttp.ReadOne<Design>(response, "patterns"), response.ETag ?? "");
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistMesheryPatterns, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        return response.StatusCode != 404;
    }
}
