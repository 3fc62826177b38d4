using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// The registered clients as configured, plus the provider's own session client (used in process by
/// <c>/login</c>, <c>/refresh</c> and <c>/revoke</c>), whose secret is derived from the encryption key so
/// every instance agrees on it without configuration.
/// </summary>
public sealed class IdentityClients(IOptions<IdentityServerOptions> options)
{
    public const string SessionClientId = "meshery-provider-session";
    public const string SessionGrantType = "urn:meshery:params:oauth:grant-type:session";

    public IReadOnlyList<IdentityClientOptions> Configured => [.. options.Value.Clients];

    public string SessionClientSecret { get; } = DeriveSecret(options.Value.EncryptionKey);

    /// <summary>
    /// The origins of every registered redirect URI, as CSP sources: a sign-in form's redirects end at one
    /// of them, and browsers check each redirect of a form submission against <c>form-action</c>.
    /// </summary>
    public string RedirectOrigins { get; } = string.Join(' ', options.Value.Clients
        .SelectMany(c => c.RedirectUris)
        .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
        .OfType<string>()
        .Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="callback"/> is exactly a redirect URI of a registered Meshery server.</summary>
    public bool IsMesheryCallback(string callback) =>
        options.Value.Clients.Any(c => c.Kind == "meshery" && c.RedirectUris.Contains(callback, StringComparer.Ordinal));

    public IdentityClientOptions? Find(string? clientId) =>
        options.Value.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    private static string DeriveSecret(string encryptionKey)
    {
        var key = Convert.FromBase64String(encryptionKey);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SessionClientId)));
    }
}
