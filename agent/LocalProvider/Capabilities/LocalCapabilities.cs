using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Capabilities;

namespace Meshery.Agent.LocalProvider.Capabilities;

/// <summary>
/// The Local provider's capabilities document. Upstream's Local provider declares four features
/// without endpoints and serves the rest anyway; this one lists every feature it serves from SQLite,
/// with no endpoint because it runs in-process.
/// </summary>
public sealed class LocalCapabilities : ICapabilitiesSource
{
    public static CapabilitiesDocument Document { get; } = new()
    {
        ProviderType = ProviderTypes.Local,
        ProviderName = Identity.LocalUser.ProviderName,
        PackageVersion = typeof(LocalCapabilities).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        ProviderDescription =
        [
            "Offline mode: everything stays on this machine",
            "No sign-in, one local user",
            "Designs, connections, credentials, environments, performance tests and events kept in SQLite",
        ],
        Capabilities =
        [
            new(Features.SyncPrefs),
            new(Features.UsersProfile),
            new(Features.Organizations),
            new(Features.Environments),
            new(Features.Workspaces),
            new(Features.PersistConnection),
            new(Features.PersistCredentials),
            new(Features.PersistPerformanceProfiles),
            new(Features.PersistResults),
            new(Features.PersistResult),
            new(Features.PersistMetrics),
            new(Features.PersistMesheryPatterns),
            new(Features.PersistEvents),
        ],
    };

    public Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken) =>
        Task.FromResult(Document);
}
