using Meshery.ExtensionPoints.Capabilities;
using Meshery.Provider.Capabilities;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>The double's capabilities document: every feature the hosted provider serves, or the subset a fault names.</summary>
public sealed class DoubleCapabilities(ProviderDoubleFaults faults) : ICapabilitiesSource
{
    public static IReadOnlyList<Capability> Served => HostedCapabilities.Served;

    public Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken) =>
        Task.FromResult(new CapabilitiesDocument
        {
            ProviderType = ProviderTypes.Remote,
            ProviderName = "Conformance double",
            PackageVersion = "v0.0.0",
            ProviderDescription = ["The Local provider's SQLite stores behind the Extension Points routes"],
            Capabilities = faults.Features is { } features ? [.. Served.Where(c => features.Contains(c.Feature))] : Served,
        });
}
