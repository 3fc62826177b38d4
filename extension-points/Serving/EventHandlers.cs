using System.Text.Json;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Paging;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>persist-events</c> and Meshery's fixed <c>/api/events/...</c> paths.</summary>
public static class EventHandlers
{
    /// <summary>Records an event; a repeat of a stored id answers the stored event (at-least-once delivery).</summary>
    public static Task<IResult> CreateAsync(HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<MesheryEvent>(context, async (caller, @event) =>
            TypedResults.Ok(await store.CreateAsync(caller, @event, cancellationToken)));

    /// <summary>
    /// <c>GET /api/events/list?page&amp;pagesize&amp;search&amp;order&amp;filter=&lt;json&gt;</c>; the query
    /// values <c>category</c>, <c>severity</c>, <c>status</c> also work when no <c>filter</c> is sent.
    /// </summary>
    public static Task<IResult> ListAsync(HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            var filterText = ListQuery.First(context.Request.Query, "filter");
            if (filterText is null)
            {
                return ContractQueries.TryEvents(context.Request, out var plain, out var plainProblem)
                    ? TypedResults.Ok(await store.ListAsync(caller, plain, cancellationToken))
                    : plainProblem!;
            }

            if (!ListQuery.TryParse(context.Request, out var page, out var problem))
            {
                return problem!;
            }

            EventsFilter? filter;
            try
            {
                filter = JsonSerializer.Deserialize(filterText, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<EventsFilter>)MesheryJson.Options.GetTypeInfo(typeof(EventsFilter)));
            }
            catch (JsonException ex)
            {
                return ProblemAnswers.BadRequest($"'filter' is not valid JSON: {ex.Message}");
            }

            filter ??= new EventsFilter();
            var withFilter = page with { Search = page.Search ?? filter.Search, Order = page.Order ?? filter.Order };
            return ContractQueries.TryEventFilter(
                withFilter, filter.Category, filter.Action, filter.Severity, filter.Status, filter.ActedUpon, out var query, out problem)
                ? TypedResults.Ok(await store.ListAsync(caller, query, cancellationToken))
                : problem!;
        });

    public static Task<IResult> ListTypesAsync(HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller => TypedResults.Ok(await store.ListTypesAsync(caller, cancellationToken)));

    public static Task<IResult> UpdateStatusAsync(string id, HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<EventStatusUpdate>(context, async (caller, update) =>
        {
            if (!ContractCall.TryId(id, "id", out var eventId, out var problem))
            {
                return problem!;
            }

            return await store.UpdateStatusAsync(caller, [eventId], update.Status ?? "", cancellationToken) == 0
                ? ProblemAnswers.NotFound("Event", eventId)
                : TypedResults.Ok(await store.GetAsync(caller, eventId, cancellationToken));
        });

    public static Task<IResult> UpdateStatusBulkAsync(HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<EventStatusUpdate>(context, async (caller, update) =>
            TypedResults.Ok(new CountAnswer(await store.UpdateStatusAsync(caller, update.Ids, update.Status ?? "", cancellationToken))));

    public static Task<IResult> DeleteAsync(string id, HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var eventId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, [eventId], cancellationToken) == 0
                ? ProblemAnswers.NotFound("Event", eventId)
                : TypedResults.Ok(new EmptyAnswer());
        });

    public static Task<IResult> DeleteBulkAsync(HttpContext context, IEventStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<EventIds>(context, async (caller, ids) =>
            TypedResults.Ok(new CountAnswer(await store.DeleteAsync(caller, ids.Ids, cancellationToken))));
}
