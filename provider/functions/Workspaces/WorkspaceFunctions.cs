using Meshery.ExtensionPoints.Workspaces;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Workspaces;

public sealed class WorkspaceFunctions(IWorkspaceStore store)
{
    [Function("ListWorkspaces")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Workspaces)] HttpRequest req, CancellationToken cancellationToken) =>
        WorkspaceHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("CreateWorkspace")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Workspaces)] HttpRequest req, CancellationToken cancellationToken) =>
        WorkspaceHandlers.CreateAsync(req.HttpContext, store, cancellationToken);

    [Function("GetWorkspace")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Workspace)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        WorkspaceHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);

    [Function("UpdateWorkspace")]
    public Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Workspace)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        WorkspaceHandlers.UpdateAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DeleteWorkspace")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Workspace)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        WorkspaceHandlers.DeleteAsync(id, req.HttpContext, store, cancellationToken);
}
