using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Environments;

/// <summary>Meshery server's environment routes, served by the contract's shared handlers.</summary>
public static class EnvironmentEndpoints
{
    public static IEndpointRouteBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/environments").WithTags("Environments");
        group.MapGet(AgentRoutes.Root, EnvironmentHandlers.ListAsync).WithName("ListEnvironments");
        group.MapPost(AgentRoutes.Root, EnvironmentHandlers.CreateAsync).WithName("CreateEnvironment");
        group.MapGet(AgentRoutes.Id, EnvironmentHandlers.GetAsync).WithName("GetEnvironment");
        group.MapPut(AgentRoutes.Id, EnvironmentHandlers.UpdateAsync).WithName("UpdateEnvironment");
        group.MapDelete(AgentRoutes.Id, EnvironmentHandlers.DeleteAsync).WithName("DeleteEnvironment");
        group.MapGet(AgentRoutes.EnvironmentConnections, EnvironmentHandlers.ListConnectionsAsync).WithName("ListEnvironmentConnections");
        group.MapPost(AgentRoutes.EnvironmentConnection, EnvironmentHandlers.AddConnectionAsync).WithName("AddEnvironmentConnection");
        group.MapDelete(AgentRoutes.EnvironmentConnection, EnvironmentHandlers.RemoveConnectionAsync).WithName("RemoveEnvironmentConnection");
        return app;
    }
}
