using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Hosting;

/// <summary>How the provider presents itself and the limits it enforces.</summary>
public sealed class ProviderOptions
{
    public const string Section = "Meshery:Provider";

    /// <summary>The name Meshery keeps in its <c>meshery-provider</c> cookie.</summary>
    [Required]
    public string Name { get; set; } = "Meshery.NET";

    /// <summary>The provider's public base URL (advertised as <c>providerUrl</c>).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Largest request body accepted (designs are the big ones).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
