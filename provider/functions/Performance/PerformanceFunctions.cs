using Meshery.ExtensionPoints.Performance;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Performance;

public sealed class PerformanceFunctions(IPerformanceProfileStore profiles, IPerformanceResultStore results)
{
    [Function("ListPerformanceProfiles")]
    public Task<IResult> ListProfilesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Profiles)] HttpRequest req, CancellationToken cancellationToken) =>
        PerformanceHandlers.ListProfilesAsync(req.HttpContext, profiles, cancellationToken);

    [Function("SavePerformanceProfile")]
    public Task<IResult> SaveProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Profiles)] HttpRequest req, CancellationToken cancellationToken) =>
        PerformanceHandlers.SaveProfileAsync(req.HttpContext, profiles, cancellationToken);

    [Function("GetPerformanceProfile")]
    public Task<IResult> GetProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.PerfProfile)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        PerformanceHandlers.GetProfileAsync(id, req.HttpContext, profiles, cancellationToken);

    [Function("DeletePerformanceProfile")]
    public Task<IResult> DeleteProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.PerfProfile)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        PerformanceHandlers.DeleteProfileAsync(id, req.HttpContext, profiles, cancellationToken);

    [Function("ListProfileResults")]
    public Task<IResult> ListProfileResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.ProfileResults)] HttpRequest req, string profileId, CancellationToken cancellationToken) =>
        PerformanceHandlers.ListProfileResultsAsync(profileId, req.HttpContext, results, profiles, cancellationToken);

    [Function("CreateProfileResult")]
    public Task<IResult> CreateResultAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.ProfileResults)] HttpRequest req, string profileId, CancellationToken cancellationToken) =>
        PerformanceHandlers.CreateResultAsync(profileId, req.HttpContext, results, cancellationToken);

    [Function("ListResults")]
    public Task<IResult> ListResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Results)] HttpRequest req, CancellationToken cancellationToken) =>
        PerformanceHandlers.ListResultsAsync(req.HttpContext, results, cancellationToken);

    [Function("GetResult")]
    public Task<IResult> GetResultAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Result)] HttpRequest req, string resultId, CancellationToken cancellationToken) =>
        PerformanceHandlers.GetResultAsync(resultId, req.HttpContext, results, cancellationToken);

    [Function("SaveMetrics")]
    public Task<IResult> SaveMetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Metrics)] HttpRequest req, CancellationToken cancellationToken) =>
        PerformanceHandlers.SaveMetricsAsync(req.HttpContext, results, cancellationToken);
}
