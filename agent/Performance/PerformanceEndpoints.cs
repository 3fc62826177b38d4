using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Performance;

public static class PerformanceEndpoints
{
    public static IEndpointRouteBuilder MapPerformanceEndpoints(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/api/user/performance/profiles").WithTags("Performance");
        profiles.MapGet(AgentRoutes.Root, Meshery.ExtensionPoints.Serving.PerformanceHandlers.ListProfilesAsync).WithName("ListPerformanceProfiles");
        profiles.MapPost(AgentRoutes.Root, PerformanceHandlers.SaveProfileAsync).WithName("SavePerformanceProfile");
        profiles.MapGet(AgentRoutes.Results, Meshery.ExtensionPoints.Serving.PerformanceHandlers.ListResultsAsync).WithName("ListPerformanceResults");
        profiles.MapGet(AgentRoutes.Id, Meshery.ExtensionPoints.Serving.PerformanceHandlers.GetProfileAsync).WithName("GetPerformanceProfile");
        profiles.MapDelete(AgentRoutes.Id, Meshery.ExtensionPoints.Serving.PerformanceHandlers.DeleteProfileAsync).WithName("DeletePerformanceProfile");
        profiles.MapGet(AgentRoutes.ProfileRun, PerformanceRunHandlers.RunAsync).WithName("RunPerformanceProfile");
        profiles.MapGet(AgentRoutes.ProfileResults, Meshery.ExtensionPoints.Serving.PerformanceHandlers.ListProfileResultsAsync).WithName("ListPerformanceProfileResults");
        app.MapGet(AgentRoutes.Result, Meshery.ExtensionPoints.Serving.PerformanceHandlers.GetResultAsync).WithTags("Performance").WithName("GetPerformanceResult");
        return app;
    }
}
