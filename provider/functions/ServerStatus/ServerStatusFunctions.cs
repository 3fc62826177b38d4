using Meshery.Provider.Hosting;
using Meshery.Provider.ServerStatus;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.ServerStatus;

public static class ServerStatusFunctions
{
    [Function("Healthz")]
    public static IResult Healthz([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Healthz)] HttpRequest req) =>
        ServerStatusHandlers.Healthz();

    [Function("SystemVersion")]
    public static IResult GetVersion([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProviderRoutes.Version)] HttpRequest req) =>
        ServerStatusHandlers.GetVersion();
}
