using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Events;

public sealed class EventFunctions(IEventStore store)
{
    [Function("CreateEvent")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Events)] HttpRequest req, CancellationToken cancellationToken) =>
        EventHandlers.CreateAsync(req.HttpContext, store, cancellationToken);

    [Function("DeleteEvents")]
    public Task<IResult> DeleteBulkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Events)] HttpRequest req, CancellationToken cancellationToken) =>
        EventHandlers.DeleteBulkAsync(req.HttpContext, store, cancellationToken);

    [Function("ListEvents")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.EventsList)] HttpRequest req, CancellationToken cancellationToken) =>
        EventHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("ListEventTypes")]
    public Task<IResult> ListTypesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.EventTypes)] HttpRequest req, CancellationToken cancellationToken) =>
        EventHandlers.ListTypesAsync(req.HttpContext, store, cancellationToken);

    [Function("UpdateEventsStatus")]
    public Task<IResult> UpdateStatusBulkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.EventsStatus)] HttpRequest req, CancellationToken cancellationToken) =>
        EventHandlers.UpdateStatusBulkAsync(req.HttpContext, store, cancellationToken);

    [Function("UpdateEventStatus")]
    public Task<IResult> UpdateStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.EventStatus)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        EventHandlers.UpdateStatusAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DeleteEvent")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Event)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        EventHandlers.DeleteAsync(id, req.HttpContext, store, cancellationToken);
}
