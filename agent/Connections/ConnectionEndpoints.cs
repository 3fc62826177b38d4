using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Connections;

public static class ConnectionEndpoints
{
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrations/connections").WithTags("Connections");
        group.MapGet(AgentRoutes.Root, Meshery.ExtensionPoints.Serving.ConnectionHandlers.ListAsync).WithName("ListConnections");
        group.MapPost(AgentRoutes.Root, ConnectionHandlers.SaveAsync).WithName("SaveConnection");
        group.MapGet(AgentRoutes.Id, Meshery.ExtensionPoints.Serving.ConnectionHandlers.GetAsync).WithName("GetConnection");
        group.MapDelete(AgentRoutes.Id, ConnectionHandlers.DeleteAsync).WithName("DeleteConnection");
        return app;
    }
}
