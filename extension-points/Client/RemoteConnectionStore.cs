using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.ExtensionPoints.Client;

/// <summary><c>persist-connection</c> over HTTP; a save answers a page whose first connection is the saved one.</summary>
public sealed class RemoteConnectionStore : IConnectionStore
{
    private readonly ProviderHttp _http;

    internal RemoteConnectionStore(ProviderHttp http) => _http = http;

    public async Task<ConnectionPage> ListAsync(ProviderCaller caller, ConnectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var suffix = QueryBuilder.ForPage(query.Page)
            .Add("name", query.Name)
            .AddEach("kind", query.Kinds)
            .AddEach("type", query.Types)
            .AddEach("status", query.Statuses)
            .ToString();
        var uri = await _http.EndpointAsync(Features.PersistConnection, caller, suffix, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return response.StatusCode == 204
            ? new ConnectionPage([], 0, query.Page.Page, query.Page.PageSize)
            : ProviderHttp.Read<ConnectionPage>(response);
    }

    public async Task<Stored<Connection>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistConnection, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken, 404);
        return response.StatusCode == 404 ? null : new Stored<Connection>(ProviderHttp.Read<Connection>(response), response.ETag ?? "");
    }

    public async Task<Stored<Connection>> SaveAsync(ProviderCaller caller, ConnectionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.PersistConnection, caller, "", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(payload), null, cancellationToken);
        return new Stored<Connection>(ProviderHttp.ReadOne<Connection>(response, "connections"), response.ETag ?? "");
    }

    public async Task<Stored<Connection>> UpdateAsync(
        ProviderCaller caller, Guid id, ConnectionPayload payload, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(payload);
        var uri = await _http.EndpointAsync(Features.PersistConnection, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Put, uri, ProviderHttp.Json(payload), ifMatch, cancellationToken);
        return new Stored<Connection>(ProviderHttp.Read<Connection>(response), response.ETag ?? "");
    }

    public async Task<Connection?> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await _http.EndpointAsync(Features.PersistConnection, caller, "/" + id.ToString("D"), cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, null, null, cancellationToken, 404);
        if (response.StatusCode == 404)
        {
            return null;
        }

        return response.Body.Length == 0
            ? new Connection { Id = id, Status = ConnectionStatuses.Deleted }
            : ProviderHttp.Read<Connection>(response);
    }
}
