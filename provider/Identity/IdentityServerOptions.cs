using System.ComponentModel.DataAnnotations;
using Meshery.Provider.Identity.External;
using Meshery.Provider.Identity.Keys;

namespace Meshery.Provider.Identity;

/// <summary>
/// The provider's sign-in server (<c>Meshery:Provider:Identity</c>): its signing keys, the key that
/// encrypts refresh tokens and codes, the registered clients and the account rules. Issuer and
/// audience are those of <c>Meshery:Provider:Tokens</c>, so what is issued here validates there.
/// </summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Meshery:Provider:Identity";

    /// <summary>RSA private keys, each with its <c>kid</c>; the first signs, all are published (two during a rollover).</summary>
    [MinLength(1)]
    public IList<IdentitySigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>Base64 of 32 bytes: encrypts refresh tokens, codes and device codes (every instance needs the same).</summary>
    [Required]
    public string EncryptionKey { get; set; } = "";

    /// <summary>Clients registered at start: Meshery servers, the CLI, agents.</summary>
    public IList<IdentityClientOptions> Clients { get; } = [];

    /// <summary>External OpenID Connect providers offered on the sign-in page (none: password accounts only).</summary>
    public IList<ExternalProviderOptions> ExternalProviders { get; } = [];

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a redeemed refresh token may still be used (concurrent refreshes). Zero: any reuse is
    /// taken as theft and revokes the whole family.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>How long a device-flow code (device and user code) waits for the user's approval.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The device flow's polling <c>interval</c> (whole seconds) sent to clients with the codes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan DevicePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The global token Meshery servers send as <c>X-API-Key</c> to get an anonymous user
    /// (<c>persist-anonymous-user</c>); unset, the feature is off and not advertised.
    /// </summary>
    [MinLength(16)]
    public string? AnonymousUserApiKey { get; set; }

    /// <summary>Lifetime of the interactive session cookie at the provider.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    [Range(1, 100)]
    public int LockoutThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted at sign-up.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
