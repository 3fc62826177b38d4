using System.Globalization;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>persist-meshery-patterns</c>: save with Meshery's body, answered with <c>[design]</c>.</summary>
public static class DoubleDesignEndpoints
{
    public static IEndpointRouteBuilder MapDoubleDesigns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ExtensionPointPaths.PersistMesheryPatterns);
        group.MapGet("", ListAsync);
        group.MapPost("", SaveAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        DateTimeOffset? after = ListQuery.First(context.Request.Query, "updated_after") is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : throw ProviderException.Invalid("'updated_after' is not a time.")
            : null;
        var query = new DesignQuery { Page = page, Visibility = ListQuery.All(context.Request.Query, "visibility"), UpdatedAfter = after };
        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), query, cancellationToken));
    }

    private static async Task<IResult> SaveAsync(
        HttpContext context, JsonBody<DesignSaveRequest> body, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = body.Value!;
        var design = request.PatternData ?? new Design();
        if (string.IsNullOrWhiteSpace(design.Name))
        {
            design = design with { Name = request.Name ?? "" };
        }

        var stored = await store.SaveAsync(callers.Resolve(context), design, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"{ExtensionPointPaths.PersistMesheryPatterns}/{stored.Value.Id}", new[] { stored.Value });
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var designId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), designId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Design", designId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IDesignStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var designId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), designId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Design", designId);
    }
}
