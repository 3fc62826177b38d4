using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Events;

/// <summary>Meshery server's event routes, served by the contract's shared handlers.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/api/v2/events").WithTags("Events");
        v2.MapGet(AgentRoutes.Root, EventHandlers.ListAsync).WithName("ListEvents");
        v2.MapGet(AgentRoutes.Types, EventHandlers.ListTypesAsync).WithName("ListEventTypes");
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapPut(AgentRoutes.StatusBulk, EventHandlers.UpdateStatusBulkAsync).WithName("UpdateEventStatusBulk");
        events.MapPut(AgentRoutes.Status, EventHandlers.UpdateStatusAsync).WithName("UpdateEventStatus");
        events.MapDelete(AgentRoutes.Bulk, EventHandlers.DeleteBulkAsync).WithName("DeleteEventsBulk");
        events.MapDelete(AgentRoutes.Id, EventHandlers.DeleteAsync).WithName("DeleteEvent");
        return app;
    }
}
