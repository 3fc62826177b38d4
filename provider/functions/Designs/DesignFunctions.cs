using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Designs;

public sealed class DesignFunctions(IDesignStore store)
{
    [Function("ListDesigns")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Patterns)] HttpRequest req, CancellationToken cancellationToken) =>
        DesignHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("SaveDesign")]
    public Task<IResult> SaveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Patterns)] HttpRequest req, CancellationToken cancellationToken) =>
        DesignHandlers.SaveAsync(req.HttpContext, store, cancellationToken);

    [Function("DeleteDesigns")]
    public Task<IResult> DeleteManyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Patterns)] HttpRequest req, CancellationToken cancellationToken) =>
        DesignHandlers.DeleteManyAsync(req.HttpContext, store, cancellationToken);

    [Function("GetDesign")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Pattern)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        DesignHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DeleteDesign")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Pattern)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        DesignHandlers.DeleteAsync(id, req.HttpContext, store, cancellationToken);

    [Function("UploadDesign")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.PatternUpload)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        DesignHandlers.UploadAsync(id, req.HttpContext, store, cancellationToken);

    [Function("DownloadDesign")]
    public Task<IResult> DownloadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.PatternDownload)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        DesignHandlers.DownloadAsync(id, req.HttpContext, store, cancellationToken);
}
