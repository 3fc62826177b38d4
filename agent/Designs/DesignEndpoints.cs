using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Designs;

public static class DesignEndpoints
{
    public static IEndpointRouteBuilder MapDesignEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pattern").WithTags("Designs");
        group.MapGet("", DesignHandlers.ListAsync).WithName("ListDesigns");
        group.MapPost("", DesignHandlers.SaveAsync).WithName("SaveDesign");
        group.MapGet("/{id}", DesignHandlers.GetAsync).WithName("GetDesign");
        group.MapDelete("/{id}", DesignHandlers.DeleteAsync).WithName("DeleteDesign");
        group.MapGet("/download/{id}", DesignHandlers.DownloadAsync).WithName("DownloadDesign");
        return app;
    }
}
