using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Performance;

public static class PerformanceEndpoints
{
    public static IEndpointRouteBuilder MapPerformanceEndpoints(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/api/user/performance/profiles").WithTags("Performance");
        profiles.MapGet("", PerformanceHandlers.ListProfilesAsync).WithName("ListPerformanceProfiles");
        profiles.MapPost("", PerformanceHandlers.SaveProfileAsync).WithName("SavePerformanceProfile");
        profiles.MapGet("/results", PerformanceHandlers.ListResultsAsync).WithName("ListPerformanceResults");
        profiles.MapGet("/{id}", PerformanceHandlers.GetProfileAsync).WithName("GetPerformanceProfile");
        profiles.MapDelete("/{id}", PerformanceHandlers.DeleteProfileAsync).WithName("DeletePerformanceProfile");
        profiles.MapGet("/{id}/results", PerformanceHandlers.ListProfileResultsAsync).WithName("ListPerformanceProfileResults");
        app.MapGet("/api/perf/profile/result/{id}", PerformanceHandlers.GetResultAsync).WithTags("Performance").WithName("GetPerformanceResult");
        return app;
    }
}
