using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.ClusterCache;

public static class ClusterCacheEndpoints
{
    public static IEndpointRouteBuilder MapClusterCacheEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/system/meshsync").WithTags("MeshSync");
        group.MapGet("/resources", ClusterCacheHandlers.ListAsync).WithName("ListMeshSyncResources");
        group.MapGet("/resources/summary", ClusterCacheHandlers.SummaryAsync).WithName("GetMeshSyncResourceSummary");
        group.MapGet("/events", ClusterCacheHandlers.Events).WithName("StreamMeshSyncEvents");
        group.MapPost("/resync", ClusterCacheHandlers.ResyncAsync).WithName("ResyncMeshSync");
        return app;
    }
}
