using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Capabilities;

namespace Meshery.Agent.Providers.Routing;

/// <summary>The capabilities of the provider the caller belongs to.</summary>
internal sealed class RoutedCapabilitiesSource(ICapabilitiesSource local, ICapabilitiesSource remote) : ICapabilitiesSource
{
    public Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken) =>
        (CallerRouting.IsRemote(caller) ? remote : local).GetCapabilitiesAsync(caller, cancellationToken);
}
