namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Values of <see cref="CapabilitiesDocument.ProviderType"/>.</summary>
public static class ProviderTypes
{
    public const string Local = "local";
    public const string Remote = "remote";
}
