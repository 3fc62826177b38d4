using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Sync;
using Meshery.Provider.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Capabilities;

/// <summary>
/// The hosted provider's capabilities document: every feature it serves, each with its endpoint.
/// A feature is listed here only when its handlers are mapped in both hosts; contributors add the
/// ones only the ASP.NET Core host serves, when configured.
/// </summary>
public sealed class HostedCapabilities(IOptions<ProviderOptions> options, IEnumerable<ICapabilityContributor> contributors) : ICapabilitiesSource
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
        new(SyncPaths.Feature, SyncPaths.Events),
    ];

    public Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken)
    {
        var value = options.Value;
        return Task.FromResult(new CapabilitiesDocument
        {
            ProviderType = ProviderTypes.Remote,
            ProviderName = value.Name,
            PackageVersion = typeof(HostedCapabilities).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            ProviderUrl = value.PublicUrl,
            ProviderDescription =
            [
                "Sign in once, keep preferences, environments and designs in the cloud",
                "Connections and credentials shared by every agent you install",
                "Performance test profiles and results kept for the team",
            ],
            Capabilities = [.. Served, .. contributors.SelectMany(c => c.Capabilities)],
        });
    }
}
