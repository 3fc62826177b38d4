using Meshery.ExtensionPoints.Capabilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary><c>GET /capabilities</c> and <c>GET /{build}/capabilities</c>: the features the double serves, at this project's paths.</summary>
public static class DoubleCapabilitiesEndpoints
{
    public static IReadOnlyList<Capability> Served { get; } =
    [
        new(Features.SyncPrefs, ExtensionPointPaths.SyncPrefs),
        new(Features.UsersProfile, ExtensionPointPaths.UsersProfile),
        new(Features.Organizations, ExtensionPointPaths.Organizations),
        new(Features.Environments, ExtensionPointPaths.Environments),
        new(Features.Workspaces, ExtensionPointPaths.Workspaces),
        new(Features.PersistConnection, ExtensionPointPaths.PersistConnection),
        new(Features.PersistCredentials, ExtensionPointPaths.PersistCredentials),
        new(Features.PersistPerformanceProfiles, ExtensionPointPaths.PersistPerformanceProfiles),
        new(Features.PersistResults, ExtensionPointPaths.PersistResults),
        new(Features.PersistResult, ExtensionPointPaths.PersistResult),
        new(Features.PersistMetrics, ExtensionPointPaths.PersistMetrics),
        new(Features.PersistMesheryPatterns, ExtensionPointPaths.PersistMesheryPatterns),
        new(Features.PersistEvents, ExtensionPointPaths.PersistEvents),
    ];

    public static IEndpointRouteBuilder MapDoubleCapabilities(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExtensionPointPaths.Capabilities, Get);
        app.MapGet(ExtensionPointPaths.VersionedCapabilities, Get);
        return app;
    }

    private static IResult Get(ProviderDoubleFaults faults) => TypedResults.Ok(new CapabilitiesDocument
    {
        ProviderType = ProviderTypes.Remote,
        ProviderName = "Conformance double",
        PackageVersion = "v0.0.0",
        ProviderDescription = ["The Local provider's SQLite stores behind the Extension Points routes"],
        Capabilities = faults.Features is { } features ? [.. Served.Where(c => features.Contains(c.Feature))] : Served,
    });
}
