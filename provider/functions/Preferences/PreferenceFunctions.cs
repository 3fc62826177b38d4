using Meshery.ExtensionPoints.Preferences;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Preferences;

public sealed class PreferenceFunctions(IPreferencesStore store)
{
    [Function("GetPreferences")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Preferences)] HttpRequest req, CancellationToken cancellationToken) =>
        PreferenceHandlers.GetAsync(req.HttpContext, store, cancellationToken);

    [Function("PutPreferences")]
    public Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ProviderRoutes.Preferences)] HttpRequest req, CancellationToken cancellationToken) =>
        PreferenceHandlers.PutAsync(req.HttpContext, store, cancellationToken);
}
