using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Meshery.Provider.Functions.System;

/// <summary>Liveness and build information of the Functions app.</summary>
public static class SystemFunctions
{
    private static readonly VersionPayload Version = ReadVersion(typeof(SystemFunctions).Assembly);

    [Function("Healthz")]
    public static Ok<HealthPayload> Healthz(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest req) =>
        TypedResults.Ok(new HealthPayload("ok"));

    [Function("SystemVersion")]
    public static Ok<VersionPayload> GetVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/system/version")] HttpRequest req) =>
        TypedResults.Ok(Version);

    // The SDK stamps "<version>+<source revision>" into the informational version.
    private static VersionPayload ReadVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new VersionPayload(Build: "", Version: informational)
            : new VersionPayload(Build: informational[(plus + 1)..], Version: informational[..plus]);
    }
}
