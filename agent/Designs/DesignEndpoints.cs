using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Designs;

public static class DesignEndpoints
{
    public static IEndpointRouteBuilder MapDesignEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pattern").WithTags("Designs");
        group.MapGet(AgentRoutes.Root, Meshery.ExtensionPoints.Serving.DesignHandlers.ListAsync).WithName("ListDesigns");
        group.MapPost(AgentRoutes.Root, DesignHandlers.SaveAsync).WithName("SaveDesign");
        group.MapGet(AgentRoutes.Id, Meshery.ExtensionPoints.Serving.DesignHandlers.GetAsync).WithName("GetDesign");
        group.MapDelete(AgentRoutes.Id, Meshery.ExtensionPoints.Serving.DesignHandlers.DeleteAsync).WithName("DeleteDesign");
        group.MapGet(AgentRoutes.Download, Meshery.ExtensionPoints.Serving.DesignHandlers.DownloadAsync).WithName("DownloadDesign");
        return app;
    }
}
