namespace Meshery.Provider.Identity.External;

/// <summary>
/// One external OpenID Connect provider people may sign in with (<c>Meshery:Provider:Identity:ExternalProviders:N</c>):
/// authorization code with PKCE through OpenIddict's client, its callback on this host.
/// </summary>
public sealed class ExternalProviderOptions
{
    /// <summary>URL-safe id (letters, digits, <c>-</c>, <c>_</c>): the path segment of <c>/signin/external/{name}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the sign-in page's button says: "Sign in with <c>DisplayName</c>" (the name when unset).</summary>
    public string? DisplayName { get; set; }

    /// <summary>The provider's issuer; its discovery document is at <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Optional: without it this host is a public client and relies on PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for; <c>openid</c> is always added. Default: <c>email profile</c>.</summary>
    public IList<string> Scopes { get; } = [];
}
