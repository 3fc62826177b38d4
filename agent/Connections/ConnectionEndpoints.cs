using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Connections;

public static class ConnectionEndpoints
{
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrations/connections").WithTags("Connections");
        group.MapGet("", ConnectionHandlers.ListAsync).WithName("ListConnections");
        group.MapPost("", ConnectionHandlers.SaveAsync).WithName("SaveConnection");
        group.MapDelete("/{connectionId}", ConnectionHandlers.DeleteAsync).WithName("DeleteConnection");
        return app;
    }
}
