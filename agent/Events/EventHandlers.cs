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
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        var query = context.Request.Query;
        var severity = ListQuery.All(query, "severity");
        if (severity.FirstOrDefault(s => !EventSeverities.IsKnown(s)) is { } unknownSeverity)
        {
            return ProblemAnswers.BadRequest($"'severity' has the unknown value '{unknownSeverity}'.");
        }

        var status = ListQuery.First(query, "status");
        if (status is not null && !EventStatuses.IsKnown(status))
        {
            return ProblemAnswers.BadRequest($"'status' must be 'read' or 'unread'; got '{status}'.");
        }

        var actedUpon = new List<Guid>();
        foreach (var text in ListQuery.All(query, "actedUpon", "acted_upon"))
        {
            if (!RouteIds.TryParse(text, "actedUpon", out var id, out problem))
            {
                return problem!;
            }

            actedUpon.Add(id);
        }

        var eventQuery = new EventQuery
        {
            Page = page,
            Category = ListQuery.All(query, "category"),
            Action = ListQuery.All(query, "action"),
            Severity = severity,
            Status = status,
            ActedUpon = actedUpon,
        };
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
