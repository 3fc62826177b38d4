namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>
/// What a provider declares about itself: its type and name, its UI bundle and extensions, and the
/// features (with their endpoints) it serves. A feature that does not work is absent.
/// </summary>
public sealed record CapabilitiesDocument
{
    public string ProviderType { get; set; } = ProviderTypes.Remote;

    public string? PackageVersion { get; set; }

    public string? PackageUrl { get; set; }

    public string ProviderName { get; set; } = "";

    public IReadOnlyList<string> ProviderDescription { get; set; } = [];

    public string? ProviderUrl { get; set; }

    public ProviderExtensions Extensions { get; set; } = new();

    public IReadOnlyList<Capability> Capabilities { get; set; } = [];

    public RestrictedAccess? RestrictedAccess { get; set; }

    public IReadOnlyDictionary<string, string>? Redirects { get; set; }

    /// <summary>Whether <paramref name="feature"/> is listed (plain string match, as Meshery does).</summary>
    public bool Supports(string feature) => Capabilities.Any(c => string.Equals(c.Feature, feature, StringComparison.Ordinal));

    /// <summary>The endpoint advertised for <paramref name="feature"/>, or null when absent.</summary>
    public string? EndpointOf(string feature) =>
        Capabilities.FirstOrDefault(c => string.Equals(c.Feature, feature, StringComparison.Ordinal))?.Endpoint;
}
