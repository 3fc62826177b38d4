using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>persist-events</c> and the fixed <c>/api/events/*</c> paths.</summary>
public static class DoubleEventEndpoints
{
    public static IEndpointRouteBuilder MapDoubleEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(ExtensionPointPaths.PersistEvents, CreateAsync);
        app.MapDelete(ExtensionPointPaths.PersistEvents, DeleteManyAsync);
        app.MapGet(ExtensionPointPaths.EventsList, ListAsync);
        app.MapGet(ExtensionPointPaths.EventTypes, ListTypesAsync);
        app.MapPut(ExtensionPointPaths.EventsStatus, UpdateManyAsync);
        app.MapPut(ExtensionPointPaths.EventStatus, UpdateOneAsync);
        app.MapDelete(ExtensionPointPaths.Event, DeleteOneAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, JsonBody<MesheryEvent> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        return TypedResults.Ok(await store.CreateAsync(callers.Resolve(context), body.Value!, cancellationToken));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        var query = new EventQuery { Page = page };
        if (ListQuery.First(context.Request.Query, "filter") is { } text)
        {
            try
            {
                query = Filter(JsonNode.Parse(text) as JsonObject ?? [], page);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                return ProblemAnswers.BadRequest("'filter' is not a JSON events filter: " + ex.Message);
            }
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), query, cancellationToken));
    }

    private static async Task<IResult> ListTypesAsync(HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListTypesAsync(callers.Resolve(context), cancellationToken));

    private static async Task<IResult> UpdateOneAsync(
        string id, HttpContext context, JsonBody<EventStatusUpdate> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var eventId, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var caller = callers.Resolve(context);
        return await store.UpdateStatusAsync(caller, [eventId], body.Value!.Status ?? "", cancellationToken) == 0
            ? ProblemAnswers.NotFound("Event", eventId)
            : TypedResults.Ok(await store.GetAsync(caller, eventId, cancellationToken));
    }

    private static async Task<IResult> UpdateManyAsync(
        HttpContext context, JsonBody<EventStatusUpdate> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var count = await store.UpdateStatusAsync(callers.Resolve(context), body.Value!.Ids, body.Value.Status ?? "", cancellationToken);
        return TypedResults.Ok(new JsonObject { ["count"] = count });
    }

    private static async Task<IResult> DeleteOneAsync(string id, HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var eventId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), [eventId], cancellationToken) == 0
            ? ProblemAnswers.NotFound("Event", eventId)
            : TypedResults.Ok(new JsonObject());
    }

    private static async Task<IResult> DeleteManyAsync(
        HttpContext context, JsonBody<EventIds> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var count = await store.DeleteAsync(callers.Resolve(context), body.Value!.Ids, cancellationToken);
        return TypedResults.Ok(new JsonObject { ["count"] = count });
    }

    /// <summary>Meshery's <c>EventsFilter</c>: <c>{category[], action[], severity[], status, acted_upon[], search, order}</c>.</summary>
    private static EventQuery Filter(JsonObject filter, Paging.PageRequest page) => new()
    {
        Page = page with
        {
            Search = page.Search ?? filter["search"]?.GetValue<string>(),
            Order = page.Order ?? filter["order"]?.GetValue<string>(),
        },
        Category = Strings(filter, "category"),
        Action = Strings(filter, "action"),
        Severity = Strings(filter, "severity"),
        Status = filter["status"]?.GetValue<string>(),
        ActedUpon = [.. Strings(filter, "acted_upon").Concat(Strings(filter, "actedUpon")).Select(Guid.Parse)],
    };

    private static string[] Strings(JsonObject filter, string name) =>
        filter[name] is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];
}
