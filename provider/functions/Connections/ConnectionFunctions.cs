using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Connections;

public sealed class ConnectionFunctions(IConnectionStore store)
{
    [Function("ListConnections")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Connections)] HttpRequest req, CancellationToken cancellationToken) =>
        ConnectionHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("SaveConnection")]
    public Task<IResult> SaveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Connections)] HttpRequest req, CancellationToken cancellationToken) =>
        ConnectionHandlers.SaveAsync(req.HttpContext, store, cancellationToken);

    [Function("GetConnection")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Connection)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        ConnectionHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);

    [Function("UpdateConnection")]
    public Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Connection)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        ConnectionHandlers.UpdateAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DeleteConnection")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Connection)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        ConnectionHandlers.DeleteAsync(id, req.HttpContext, store, cancellationToken);
}
