using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Environments;

public sealed class EnvironmentFunctions(IEnvironmentStore store)
{
    [Function("ListEnvironments")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Environments)] HttpRequest req, CancellationToken cancellationToken) =>
        EnvironmentHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("CreateEnvironment")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Environments)] HttpRequest req, CancellationToken cancellationToken) =>
        EnvironmentHandlers.CreateAsync(req.HttpContext, store, cancellationToken);

    [Function("GetEnvironment")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Environment)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        EnvironmentHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);

    [Function("UpdateEnvironment")]
    public Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Environment)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        EnvironmentHandlers.UpdateAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DeleteEnvironment")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Environment)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        EnvironmentHandlers.DeleteAsync(id, req.HttpContext, store, cancellationToken);

    [Function("ListEnvironmentConnections")]
    public Task<IResult> ListConnectionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.EnvironmentConnections)] HttpRequest req, string environmentId, CancellationToken cancellationToken) =>
        EnvironmentHandlers.ListConnectionsAsync(environmentId, req.HttpContext, store, cancellationToken);

    [Function("AddEnvironmentConnection")]
    public Task<IResult> AddConnectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.EnvironmentConnection)] HttpRequest req,
        string environmentId,
        string connectionId,
        CancellationToken cancellationToken) =>
        EnvironmentHandlers.AddConnectionAsync(environmentId, connectionId, req.HttpContext, store, cancellationToken);

    [Function("RemoveEnvironmentConnection")]
    public Task<IResult> RemoveConnectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.EnvironmentConnection)] HttpRequest req,
        string environmentId,
        string connectionId,
        CancellationToken cancellationToken) =>
        EnvironmentHandlers.RemoveConnectionAsync(environmentId, connectionId, req.HttpContext, store, cancellationToken);
}
