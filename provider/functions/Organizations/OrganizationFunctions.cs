using Meshery.ExtensionPoints.Organizations;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Organizations;

public sealed class OrganizationFunctions(IOrganizationStore store)
{
    [Function("ListOrganizations")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Organizations)] HttpRequest req, CancellationToken cancellationToken) =>
        OrganizationHandlers.ListAsync(req.HttpContext, store, cancellationToken);

    [Function("GetOrganization")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Organization)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        OrganizationHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);
}
