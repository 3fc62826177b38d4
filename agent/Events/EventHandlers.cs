using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Events;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Events;

public static class EventHandlers
{
    /// <summary>Lists events; <c>category</c>, <c>action</c>, <c>severity</c> repeat or take commas.</summary>
    public static async Task<IResult> ListAsync(
        HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!ContractQueries.TryEvents(context.Request, out var eventQuery, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), eventQuery, cancellationToken));
    }

    public static async Task<IResult> ListTypesAsync(
        HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        return TypedResults.Ok(await store.ListTypesAsync(callers.Resolve(context), cancellationToken));
    }

    public static async Task<IResult> UpdateStatusAsync(
        string id, HttpContext context, JsonBody<EventStatusUpdate> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var eventId, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var caller = callers.Resolve(context);
        var changed = await store.UpdateStatusAsync(caller, [eventId], body.Value!.Status ?? "", cancellationToken);
        return changed == 0
            ? ProblemAnswers.NotFound("Event", eventId)
            : TypedResults.Ok(await store.GetAsync(caller, eventId, cancellationToken));
    }

    public static async Task<IResult> UpdateStatusBulkAsync(
        HttpContext context, JsonBody<EventStatusUpdate> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var changed = await store.UpdateStatusAsync(callers.Resolve(context), body.Value!.Ids, body.Value.Status ?? "", cancellationToken);
        return TypedResults.Ok(new EventBulkResult(changed));
    }

    public static async Task<IResult> DeleteAsync(
        string id, HttpContext context, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var eventId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), [eventId], cancellationToken) == 0
            ? ProblemAnswers.NotFound("Event", eventId)
            : TypedResults.NoContent();
    }

    public static async Task<IResult> DeleteBulkAsync(
        HttpContext context, JsonBody<EventIds> body, IEventStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var deleted = await store.DeleteAsync(callers.Resolve(context), body.Value!.Ids, cancellationToken);
        return TypedResults.Ok(new EventBulkResult(deleted));
    }
}
