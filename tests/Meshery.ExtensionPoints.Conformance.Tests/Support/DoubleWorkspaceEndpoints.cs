using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>workspaces</c>, answered as environments are.</summary>
public static class DoubleWorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapDoubleWorkspaces(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ExtensionPointPaths.Workspaces);
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", UpdateAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWorkspaceStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, null, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IWorkspaceStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var workspaceId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), workspaceId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Workspace", workspaceId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, JsonBody<WorkspacePayload> body, IWorkspaceStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.CreateAsync(callers.Resolve(context), body.Value!, cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"{ExtensionPointPaths.Workspaces}/{stored.Value.Id}", stored.Value);
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext context, JsonBody<WorkspacePayload> body, IWorkspaceStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var workspaceId, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.UpdateAsync(callers.Resolve(context), workspaceId, body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IWorkspaceStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var workspaceId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), workspaceId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Workspace", workspaceId);
    }
}
