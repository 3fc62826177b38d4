using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Performance;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// Performance results over HTTP: lists from <c>persist-results</c> (or a profile's
/// <c>ep/{profileId}/results</c>), one result from <c>persist-result</c>, metrics to
/// <c>persist-metrics</c>, new results under <c>persist-performance-profiles</c>.
/// </summary>
public sealed class RemotePerformanceResultStore : IPerformanceResultStore
{
    private readonly ProviderHttp _http;

    internal RemotePerformanceResultStore(ProviderHttp http) => _http = http;

    public async Task<PerformanceResultPage> ListAsync(ProviderCaller caller, PerformanceResultQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var parameters = QueryBuilder.ForPage(query.Page).Add("from", query.From).Add("to", query.To).ToString();
        var uri = query.ProfileId is { } profileId
            ? await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, $"/{profileId:D}/results{parameters}", cancellationToken)
            : await _http.EndpointAsync(Features.PersistResults, caller, parameters, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new PerformanceResultPage(query.Page.Page, query.Page.PageSize, 0, [])
            : ProviderHttp.Read<PerformanceResultPage>(response);
    }

    public async Task<PerformanceResult?> GetAsync(ProviderCaller caller, Guid resultId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistResult, caller, "/" + resultId.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : ProviderHttp.Read<PerformanceResult>(response);
    }

    public async Task<Guid> CreateAsync(ProviderCaller caller, Guid profileId, PerformanceResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        var uri = await _http.EndpointAsync(Features.PersistPerformanceProfiles, caller, $"/{profileId:D}/results", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(result), null, cancellationToken);
        return ProviderHttp.ReadId(response);
    }

    public async Task SaveMetricsAsync(ProviderCaller caller, PerformanceResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        if (result.MesheryId == Guid.Empty)
        {
            throw ProviderException.Invalid("'mesheryId' names the result the metrics belong to; it is required.");
        }

        var uri = await _http.EndpointAsync(Features.PersistMetrics, caller, "", cancellationToken);
        await _http.SendAsync(caller, HttpMethod.Put, uri, ProviderHttp.Json(result), null, cancellationToken);
    }
}
