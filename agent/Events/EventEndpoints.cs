using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/api/v2/events").WithTags("Events");
        v2.MapGet("", EventHandlers.ListAsync).WithName("ListEvents");
        v2.MapGet("/types", EventHandlers.ListTypesAsync).WithName("ListEventTypes");
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapPut("/status/bulk", EventHandlers.UpdateStatusBulkAsync).WithName("UpdateEventStatusBulk");
        events.MapPut("/status/{id}", EventHandlers.UpdateStatusAsync).WithName("UpdateEventStatus");
        events.MapDelete("/bulk", EventHandlers.DeleteBulkAsync).WithName("DeleteEventsBulk");
        events.MapDelete("/{id}", EventHandlers.DeleteAsync).WithName("DeleteEvent");
        return app;
    }
}
