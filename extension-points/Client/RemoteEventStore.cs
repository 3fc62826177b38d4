using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// Events over HTTP: <c>POST {persist-events}</c> records one; the fixed <c>/api/events/*</c> paths
/// (used only when <c>persist-events</c> is advertised) list, count, change and delete them.
/// </summary>
public sealed class RemoteEventStore : IEventStore
{
    private readonly ProviderHttp _http;

    internal RemoteEventStore(ProviderHttp http) => _http = http;

    public async Task<EventPage> ListAsync(ProviderCaller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var suffix = QueryBuilder.ForPage(query.Page).Add("filter", FilterOf(query).ToJsonString()).ToString();
        var uri = await FixedAsync(caller, ExtensionPointPaths.EventsList + suffix, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return ProviderHttp.Read<EventPage>(response);
    }

    /// <summary>
    /// The Extension Points have no call that reads one event; this always fails with <c>Unavailable</c>.
    /// List with a filter instead, or use the event a status change answers.
    /// </summary>
    public Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken) =>
        Task.FromException<MesheryEvent?>(new ProviderException(
            ProviderErrorKind.Unavailable,
            "Remote providers have no call that reads one event by id; list events with a filter instead."));

    public async Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(@event);
        var uri = await _http.EndpointAsync(Features.PersistEvents, caller, "", cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Post, uri, ProviderHttp.Json(@event), null, cancellationToken);
        return response.Body.Length == 0 ? @event : ProviderHttp.Read<MesheryEvent>(response);
    }

    public async Task<IReadOnlyList<EventType>> ListTypesAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uri = await FixedAsync(caller, ExtensionPointPaths.EventTypes, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
        return ProviderHttp.Read<IReadOnlyList<EventType>>(response);
    }

    /// <summary>One id: <c>PUT /api/events/{id}/status</c> (404 counts 0); more: <c>PUT /api/events/status</c>.</summary>
    public async Task<int> UpdateStatusAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        if (ids.Count == 1)
        {
            var one = await FixedAsync(caller, ExtensionPointPaths.EventStatus.Replace("{id}", ids[0].ToString("D"), StringComparison.Ordinal), cancellationToken);
            var body = ProviderHttp.Json(new JsonObject { ["status"] = status });
            var answer = await _http.SendAsync(caller, HttpMethod.Put, one, body, null, cancellationToken, 404);
            return answer.StatusCode == 404 ? 0 : 1;
        }

        var uri = await FixedAsync(caller, ExtensionPointPaths.EventsStatus, cancellationToken);
        var response = await _http.SendAsync(
            caller, HttpMethod.Put, uri, ProviderHttp.Json(new EventStatusUpdate { Ids = ids, Status = status }), null, cancellationToken);
        return ProviderHttp.ReadCount(response, "count");
    }

    /// <summary>One id: <c>DELETE /api/events/{id}</c> (404 counts 0); more: <c>DELETE /api/events {ids}</c>.</summary>
    public async Task<int> DeleteAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        if (ids.Count == 1)
        {
            var one = await FixedAsync(caller, ExtensionPointPaths.Event.Replace("{id}", ids[0].ToString("D"), StringComparison.Ordinal), cancellationToken);
            var answer = await _http.SendAsync(caller, HttpMethod.Delete, one, null, null, cancellationToken, 404);
            return answer.StatusCode == 404 ? 0 : 1;
        }

        var uri = await FixedAsync(caller, ExtensionPointPaths.PersistEvents, cancellationToken);
        var response = await _http.SendAsync(caller, HttpMethod.Delete, uri, ProviderHttp.Json(new EventIds { Ids = ids }), null, cancellationToken);
        return ProviderHttp.ReadCount(response, "count");
    }

    /// <summary>Meshery's <c>EventsFilter</c>: <c>{category[], action[], severity[], status, acted_upon[], search, order}</c>.</summary>
    private static JsonObject FilterOf(EventQuery query)
    {
        var filter = new JsonObject();
        AddList(filter, "category", query.Category);
        AddList(filter, "action", query.Action);
        AddList(filter, "severity", query.Severity);
        AddList(filter, "acted_upon", [.. query.ActedUpon.Select(id => id.ToString("D"))]);
        if (!string.IsNullOrEmpty(query.Status))
        {
            filter["status"] = query.Status;
        }

        if (!string.IsNullOrEmpty(query.Page.Search))
        {
            filter["search"] = query.Page.Search;
        }

        if (!string.IsNullOrEmpty(query.Page.Order))
        {
            filter["order"] = query.Page.Order;
        }

        return filter;
    }

    private static void AddList(JsonObject filter, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            filter[name] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }
    }

    private async Task<Uri> FixedAsync(ProviderCaller caller, string path, CancellationToken cancellationToken)
    {
        if (!await _http.SupportsAsync(Features.PersistEvents, caller, cancellationToken))
        {
            throw new ProviderException(
                ProviderErrorKind.Unavailable, $"The provider does not offer '{Features.PersistEvents}', so its /api/events paths are not used.");
        }

        return _http.At(path);
    }
}
