using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.MeshSync.Health;

public static class MeshSyncHealthEndpoints
{
    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static IEndpointRouteBuilder MapMeshSyncHealthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", MeshSyncHealthHandlers.Healthz);
        app.MapGet("/readyz", MeshSyncHealthHandlers.Readyz);
        return app;
    }
}
