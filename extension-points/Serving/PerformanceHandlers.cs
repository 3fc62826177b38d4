using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Performance;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capabilities <c>persist-performance-profiles</c>, <c>persist-results</c>, <c>persist-result</c>, <c>persist-metrics</c>.</summary>
public static class PerformanceHandlers
{
    public static Task<IResult> ListProfilesAsync(HttpContext context, IPerformanceProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ListQuery.TryParse(context.Request, out var page, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, page, cancellationToken))
                : problem!);

    public static Task<IResult> SaveProfileAsync(HttpContext context, IPerformanceProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<PerformanceProfile>(context, async (caller, profile) =>
        {
            var stored = await store.SaveAsync(caller, profile, Preconditions.IfMatch(context.Request), cancellationToken);
            return ContractCall.Created(context, ContractCall.LocationOf(context, stored.Value.Id), stored);
        });

    public static Task<IResult> GetProfileAsync(string id, HttpContext context, IPerformanceProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var profileId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, profileId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Performance profile", profileId) : ContractCall.Ok(context, stored);
        });

    public static Task<IResult> DeleteProfileAsync(string id, HttpContext context, IPerformanceProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var profileId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, profileId, cancellationToken)
                ? TypedResults.NoContent()
                : ProblemAnswers.NotFound("Performance profile", profileId);
        });

    public static Task<IResult> ListProfileResultsAsync(
        string profileId, HttpContext context, IPerformanceResultStore results, IPerformanceProfileStore profiles, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(profileId, "profileId", out var id, out var problem)
                || !ContractQueries.TryResults(context.Request, id, out var query, out problem))
            {
                return problem!;
            }

            return await profiles.GetAsync(caller, id, cancellationToken) is null
                ? ProblemAnswers.NotFound("Performance profile", id)
                : TypedResults.Ok(await results.ListAsync(caller, query, cancellationToken));
        });

    /// <summary>Records a result under a profile; Meshery expects 201 and <c>{"id"}</c>.</summary>
    public static Task<IResult> CreateResultAsync(string profileId, HttpContext context, IPerformanceResultStore results, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<PerformanceResult>(context, async (caller, result) =>
        {
            if (!ContractCall.TryId(profileId, "profileId", out var id, out var problem))
            {
                return problem!;
            }

            var resultId = await results.CreateAsync(caller, id, result, cancellationToken);
            return TypedResults.Created((string?)null, new IdAnswer(resultId));
        });

    public static Task<IResult> ListResultsAsync(HttpContext context, IPerformanceResultStore results, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ContractQueries.TryResults(context.Request, null, out var query, out var problem)
                ? TypedResults.Ok(await results.ListAsync(caller, query, cancellationToken))
                : problem!);

    public static Task<IResult> GetResultAsync(string resultId, HttpContext context, IPerformanceResultStore results, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(resultId, "resultId", out var id, out var problem))
            {
                return problem!;
            }

            var result = await results.GetAsync(caller, id, cancellationToken);
            return result is null ? ProblemAnswers.NotFound("Performance result", id) : TypedResults.Ok(result);
        });

    /// <summary>Attaches server metrics to a result named by <c>mesheryId</c>.</summary>
    public static Task<IResult> SaveMetricsAsync(HttpContext context, IPerformanceResultStore results, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<PerformanceResult>(context, async (caller, result) =>
        {
            if (result.MesheryId == Guid.Empty)
            {
                return ProblemAnswers.BadRequest("'mesheryId' is required: the result the metrics belong to.");
            }

            await results.SaveMetricsAsync(caller, result, cancellationToken);
            return TypedResults.Ok(new EmptyAnswer());
        });
}
