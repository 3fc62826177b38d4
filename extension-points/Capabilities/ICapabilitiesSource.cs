namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Serves a provider's capabilities document.</summary>
public interface ICapabilitiesSource
{
    Task<CapabilitiesDocument> GetCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken);
}
