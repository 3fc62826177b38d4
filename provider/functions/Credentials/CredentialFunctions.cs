using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Credentials;

public sealed class CredentialFunctions(ICredentialStore store)
{
    [Function("ListCredentials")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Credentials)] HttpRequest req, CancellationToken cancellationToken) =>
        CredentialHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("CreateCredential")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProviderRoutes.Credentials)] HttpRequest req, CancellationToken cancellationToken) =>
        CredentialHandlers.CreateAsync(req.HttpContext, store, cancellationToken);

    [Function("UpdateCredential")]
    public Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Credentials)] HttpRequest req, CancellationToken cancellationToken) =>
        CredentialHandlers.UpdateAsync(req.HttpContext, store, cancellationToken);

    [Function("DeleteCredential")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ProviderRoutes.Credentials)] HttpRequest req, CancellationToken cancellationToken) =>
        CredentialHandlers.DeleteAsync(req.HttpContext, store, cancellationToken);

    [Function("GetCredential")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Credential)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        CredentialHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);
}
