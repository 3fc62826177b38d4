using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Environments;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Environments;

public static class EnvironmentHandlers
{
    public static async Task<IResult> ListAsync(
        HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        Guid? organizationId = null;
        if (ListQuery.First(context.Request.Query, "orgId", "orgID", "org_id") is { } org)
        {
            if (!RouteIds.TryParse(org, "orgId", out var parsed, out problem))
            {
                return problem!;
            }

            organizationId = parsed;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, organizationId, cancellationToken));
    }

    public static async Task<IResult> GetAsync(
        string id, HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var environmentId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), environmentId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Environment", environmentId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    public static async Task<IResult> CreateAsync(
        HttpContext context, JsonBody<EnvironmentPayload> body, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.CreateAsync(callers.Resolve(context), body.Value!, cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"/api/environments/{stored.Value.Id}", stored.Value);
    }

    public static async Task<IResult> UpdateAsync(
        string id,
        HttpContext context,
        JsonBody<EnvironmentPayload> body,
        IEnvironmentStore store,
        IProviderCallerResolver callers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var environmentId, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.UpdateAsync(
            callers.Resolve(context), environmentId, body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    public static async Task<IResult> DeleteAsync(
        string id, HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var environmentId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), environmentId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Environment", environmentId);
    }

    public static async Task<IResult> ListConnectionsAsync(
        string environmentId, HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(environmentId, "environmentId", out var id, out var problem)
            || !ListQuery.TryParse(context.Request, out var page, out problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListConnectionsAsync(callers.Resolve(context), id, page, cancellationToken));
    }

    public static async Task<IResult> AddConnectionAsync(
        string environmentId, string connectionId, HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(environmentId, "environmentId", out var environment, out var problem)
            || !RouteIds.TryParse(connectionId, "connectionId", out var connection, out problem))
        {
            return problem!;
        }

        await store.AddConnectionAsync(callers.Resolve(context), environment, connection, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> RemoveConnectionAsync(
        string environmentId, string connectionId, HttpContext context, IEnvironmentStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(environmentId, "environmentId", out var environment, out var problem)
            || !RouteIds.TryParse(connectionId, "connectionId", out var connection, out problem))
        {
            return problem!;
        }

        return await store.RemoveConnectionAsync(callers.Resolve(context), environment, connection, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.Status(StatusCodes.Status404NotFound, $"Connection '{connection}' is not in environment '{environment}'.");
    }
}
