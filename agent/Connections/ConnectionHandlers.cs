using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Connections;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Connections;

public static class ConnectionHandlers
{
    /// <summary>Lists connections; <c>kind</c>, <c>status</c> and <c>type</c> repeat or take commas.</summary>
    public static async Task<IResult> ListAsync(
        HttpContext context, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!ContractQueries.TryConnections(context.Request, out var connectionQuery, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), connectionQuery, cancellationToken));
    }

    public static async Task<IResult> SaveAsync(
        HttpContext context, JsonBody<ConnectionPayload> body, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.SaveAsync(callers.Resolve(context), body.Value!, cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"/api/integrations/connections/{stored.Value.Id}", stored.Value);
    }

    public static async Task<IResult> DeleteAsync(
        string connectionId, HttpContext context, IConnectionStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(connectionId, "connectionId", out var id, out var problem))
        {
            return problem!;
        }

        var deleted = await store.DeleteAsync(callers.Resolve(context), id, cancellationToken);
        return deleted is null ? ProblemAnswers.NotFound("Connection", id) : TypedResults.Ok(deleted);
    }
}
