using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Auth;

/// <summary>How the provider validates the access tokens callers present.</summary>
public sealed class ProviderTokenOptions
{
    public const string Section = "Meshery:Provider:Tokens";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    [Required]
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    [Required]
    public string Audience { get; set; } = "meshery-provider";

    /// <summary>RSA public keys that may sign tokens, each with its <c>kid</c> (two during a rollover).</summary>
    [MinLength(1)]
    public IList<SigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>Tolerance for clock differences when checking <c>nbf</c> and <c>exp</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
