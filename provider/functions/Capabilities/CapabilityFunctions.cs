using Meshery.ExtensionPoints.Capabilities;
using Meshery.Provider.Capabilities;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.Capabilities;

public sealed class CapabilityFunctions(ICapabilitiesSource capabilities)
{
    [Function("GetCapabilities")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Capabilities)] HttpRequest req, CancellationToken cancellationToken) =>
        CapabilityHandlers.GetAsync(capabilities, cancellationToken);

    [Function("GetVersionedCapabilities")]
    public Task<IResult> GetForBuildAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.VersionedCapabilities)] HttpRequest req, string build, CancellationToken cancellationToken) =>
        CapabilityHandlers.GetForBuildAsync(build, capabilities, cancellationToken);
}
