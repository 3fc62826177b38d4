using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.MeshAdapters;

public static class MeshAdapterEndpoints
{
    public static IEndpointRouteBuilder MapMeshAdapterEndpoints(this IEndpointRouteBuilder app)
    {
        var system = app.MapGroup("/api/system").WithTags("Adapters");
        system.MapGet(AgentRoutes.Adapters, MeshAdapterHandlers.ListAsync).WithName("ListAdapters");
        system.MapPost(AgentRoutes.AdapterOperation, MeshAdapterHandlers.OperateAsync).WithName("RunAdapterOperation").DisableAntiforgery();
        return app;
    }
}
