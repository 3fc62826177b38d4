using Meshery.ExtensionPoints.Http;
using Meshery.Agent.Providers;
using Meshery.ExtensionPoints.Performance;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Performance;

public static class PerformanceHandlers
{
    public static async Task<IResult> ListProfilesAsync(
        HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        return ListQuery.TryParse(context.Request, out var page, out var problem)
            ? TypedResults.Ok(await store.ListAsync(callers.Resolve(context), page, cancellationToken))
            : problem!;
    }

    public static async Task<IResult> GetProfileAsync(
        string id, HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
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

    /// <summary>Creates a profile, or updates the one whose id the body names.</summary>
    public static async Task<IResult> SaveProfileAsync(
        HttpContext context, JsonBody<PerformanceProfile> body, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var stored = await store.SaveAsync(callers.Resolve(context), body.Value!, Preconditions.IfMatch(context.Request), cancellationToken);
        context.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(stored.Value);
    }

    public static async Task<IResult> DeleteProfileAsync(
        string id, HttpContext context, IPerformanceProfileStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var profileId, out var problem))
        {
            return problem!;
        }

        return await store.DeleteAsync(callers.Resolve(context), profileId, cancellationToken)
            ? TypedResults.NoContent()
            : ProblemAnswers.NotFound("Performance profile", profileId);
    }

    /// <summary>Results of every profile, optionally within <c>from</c>..<c>to</c> (test start time).</summary>
    public static Task<IResult> ListResultsAsync(
        HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken) =>
        ListResultsCoreAsync(context, null, store, callers, cancellationToken);

    public static async Task<IResult> ListProfileResultsAsync(
        string id, HttpContext context, IPerformanceResultStore store, IPerformanceProfileStore profiles, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var profileId, out var problem))
        {
            return problem!;
        }

        return await profiles.GetAsync(callers.Resolve(context), profileId, cancellationToken) is null
            ? ProblemAnswers.NotFound("Performance profile", profileId)
            : await ListResultsCoreAsync(context, profileId, store, callers, cancellationToken);
    }

    public static async Task<IResult> GetResultAsync(
        string id, HttpContext context, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!RouteIds.TryParse(id, "id", out var resultId, out var problem))
        {
            return problem!;
        }

        var result = await store.GetAsync(callers.Resolve(context), resultId, cancellationToken);
        return result is null ? ProblemAnswers.NotFound("Performance result", resultId) : TypedResults.Ok(result);
    }

    private static async Task<IResult> ListResultsCoreAsync(
        HttpContext context, Guid? profileId, IPerformanceResultStore store, IProviderCallerResolver callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callers);
        if (!ContractQueries.TryResults(context.Request, profileId, out var query, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await store.ListAsync(callers.Resolve(context), query, cancellationToken));
    }
}
