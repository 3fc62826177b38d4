using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Environments;

public static class EnvironmentEndpoints
{
    public static IEndpointRouteBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/environments").WithTags("Environments");
        group.MapGet("", EnvironmentHandlers.ListAsync).WithName("ListEnvironments");
        group.MapPost("", EnvironmentHandlers.CreateAsync).WithName("CreateEnvironment");
        group.MapGet("/{id}", EnvironmentHandlers.GetAsync).WithName("GetEnvironment");
        group.MapPut("/{id}", EnvironmentHandlers.UpdateAsync).WithName("UpdateEnvironment");
        group.MapDelete("/{id}", EnvironmentHandlers.DeleteAsync).WithName("DeleteEnvironment");
        group.MapGet("/{environmentId}/connections", EnvironmentHandlers.ListConnectionsAsync).WithName("ListEnvironmentConnections");
        group.MapPost("/{environmentId}/connections/{connectionId}", EnvironmentHandlers.AddConnectionAsync).WithName("AddEnvironmentConnection");
        group.MapDelete("/{environmentId}/connections/{connectionId}", EnvironmentHandlers.RemoveConnectionAsync).WithName("RemoveEnvironmentConnection");
        return app;
    }
}
