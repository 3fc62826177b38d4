using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// The registered clients as configured, plus the provider's own session client (used in process by
/// <c>/login</c>, <c>/refresh</c> and <c>/revoke</c>), whose secret is derived from the encryption key so
/// every instance agrees on it without configuration. <c>mesheryctl</c>'s public device-flow client is
/// registered by default, so the CLI signs in to any provider without configuration.
/// </summary>
public sealed class IdentityClients(IOptions<IdentityServerOptions> options)
{
    public const string SessionClientId = "meshery-provider-session";
    public const string SessionGrantType = "urn:meshery:params:oauth:grant-type:session";

    /// <summary>The client id <c>mesheryctl system login</c> uses unless told otherwise.</summary>
    public const string CliClientId = "mesheryctl";

    /// <summary>The configured clients, plus the CLI's default one unless a client of that id is configured.</summary>
    public IReadOnlyList<IdentityClientOptions> Configured { get; } = WithDefaults(options.Value.Clients);

    public string SessionClientSecret { get; } = DeriveSecret(options.Value.EncryptionKey);

    /// <summary>
    /// The origins of every registered redirect URI, as CSP sources: a sign-in form's redirects end at one
    /// of them, and browsers check each redirect of a form submission against <c>form-action</c>.
    /// </summary>
    /// <remarks>External providers' issuer origins are among them: the "sign in with" form redirects there.</remarks>
    public string RedirectOrigins { get; } = string.Join(' ', options.Value.Clients
        .SelectMany(c => c.RedirectUris)
        .Concat(options.Value.ExternalProviders.Select(p => p.Issuer))
        .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
        .OfType<string>()
        .Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="callback"/> is exactly a redirect URI of a registered Meshery server.</summary>
    public bool IsMesheryCallback(string callback) =>
        Configured.Any(c => c.Kind == "meshery" && c.RedirectUris.Contains(callback, StringComparer.Ordinal));

    public IdentityClientOptions? Find(string? clientId) =>
        Configured.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    private static List<IdentityClientOptions> WithDefaults(IEnumerable<IdentityClientOptions> configured)
    {
        var clients = configured.ToList();
        if (clients.TrueForAll(c => !string.Equals(c.ClientId, CliClientId, StringComparison.Ordinal)))
        {
            clients.Add(new IdentityClientOptions { ClientId = CliClientId, Kind = "cli", DisplayName = "mesheryctl (Meshery CLI)" });
        }

        return clients;
    }

    private static string DeriveSecret(string encryptionKey)
    {
        var key = Convert.FromBase64String(encryptionKey);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SessionClientId)));
    }
}
