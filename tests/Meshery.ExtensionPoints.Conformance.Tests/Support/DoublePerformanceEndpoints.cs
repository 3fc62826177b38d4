using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Performance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>persist-performance-profiles</c>, <c>persist-results</c>, <c>persist-result</c> and <c>persist-metrics</c>.</summary>
public static class DoublePerformanceEndpoints
{
    public static IEndpointRouteBuilder MapDoublePerformance(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup(ExtensionPointPaths.PersistPerformanceProfiles);
        profiles.MapGet("", ListProfilesAsync);
        profiles.MapPost("", SaveProfileAsync);
        profiles.MapGet("/{id}", GetProfileAsync);
        profiles.MapDelete("/{id}", DeleteProfileAsync);
        profiles.MapGet("/{profileId}/results", ListProfileResultsAsync);
        profiles.MapPost("/{profileId}/results", CreateResultAsync);
        app.MapGet(ExtensionPointPaths.PersistResults, ListResultsAsync);
        app.MapGet(ExtensionPointPaths.PersistResult + "/{resultId}", GetResultAsync);
        app.MapPut(ExtensionPointPaths.PersistMetrics, SaveMetricsAsync);
        return app;
    }

    private static async Task<IResult> ListProfilesAsync(HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, cancellationToken));
    }

    private static async Task<IResult> SaveProfileAsync(
        HttpContext context, JsonBody<PerformanceProfile> body, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.SaveAsync(callers.Resolve(context), body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"{ExtensionPointPaths.PersistPerformanceProfiles}/{stored.Value.Id}", stored.Value);
    }

    private static async Task<IResult> GetProfileAsync(string id, HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var profileId, out var problem))
        {
            return problem!;
        }

        var stored = await store.GetAsync(callers.Resolve(context), profileId, cancellationToken);
        if (stored is null)
        {
            return ProblemAnswers.NotFound("Performance profile", profileId);
        }

        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    private static async Task<IResult> DeleteProfileAsync(string id, HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var profileId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), profileId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Performance profile", profileId);
    }

    private static async Task<IResult> ListProfileResultsAsync(
        string profileId, HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(profileId, "profileId", out var id, out var problem))
        {
            return problem!;
        }

        return await ListAsync(context, store, callers, id, cancellationToken);
    }

    private static Task<IResult> ListResultsAsync(HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken) =>
        ListAsync(context, store, callers, null, cancellationToken);

    private static async Task<IResult> ListAsync(
        HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, Guid? profileId, CancellationToken cancellationToken)
    {
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        var query = new PerformanceResultQuery { Page = page, ProfileId = profileId, From = Time(context, "from"), To = Time(context, "to") };
        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), query, cancellationToken));
    }

    private static async Task<IResult> CreateResultAsync(
        string profileId, HttpContext context, JsonBody<PerformanceResult> body, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(profileId, "profileId", out var id, out var problem))
        {
            return problem!;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var resultId = await store.CreateAsync(callers.Resolve(context), id, body.Value!, cancellationToken);
        return TypedResults.Created($"{ExtensionPointPaths.PersistResult}/{resultId}", new JsonObject { ["id"] = resultId.ToString("D") });
    }

    private static async Task<IResult> GetResultAsync(string resultId, HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(resultId, "resultId", out var id, out var problem))
        {
            return problem!;
        }

        return await store.GetAsync(callers.Resolve(context), id, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : ProblemAnswers.NotFound("Performance result", id);
    }

    private static async Task<IResult> SaveMetricsAsync(
        HttpContext context, JsonBody<PerformanceResult> body, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        await store.SaveMetricsAsync(callers.Resolve(context), body.Value!, cancellationToken);
        return TypedResults.Ok(new JsonObject());
    }

    private static DateTimeOffset? Time(HttpContext context, string key) =>
        ListQuery.First(context.Request.Query, key) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw ProviderException.Invalid($"'{key}' is not a time.")
            : null;
}
