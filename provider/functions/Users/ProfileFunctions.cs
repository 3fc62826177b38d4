using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Users;

public sealed class ProfileFunctions(IUserProfileStore store)
{
    [Function("GetProfile")]
    public Task<IResult> GetCurrentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Profile)] HttpRequest req, CancellationToken cancellationToken) =>
        ProfileHandlers.GetCurrentAsync(req.HttpContext, store, cancellationToken);

    [Function("GetProfileById")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.ProfileById)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        ProfileHandlers.GetAsync(id, req.HttpContext, store, cancellationToken);
}
