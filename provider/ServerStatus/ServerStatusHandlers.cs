using System.Reflection;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.ServerStatus;

/// <summary>Public liveness and build information, the same in both hosts.</summary>
public static class ServerStatusHandlers
{
    private static readonly VersionAnswer Version = ReadVersion(typeof(ServerStatusHandlers).Assembly);

    public static IResult Healthz() => TypedResults.Ok(new HealthAnswer("ok"));

    public static IResult GetVersion() => TypedResults.Ok(Version);

    // The SDK stamps "<version>+<source revision>" into the informational version.
    private static VersionAnswer ReadVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new VersionAnswer(Build: "", Version: informational)
            : new VersionAnswer(Build: informational[(plus + 1)..], Version: informational[..plus]);
    }
}
