using Meshery.Provider.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity;

/// <summary>Cross-field rules of <see cref="IdentityServerOptions"/>, each failure naming its key.</summary>
/// <remarks>Reads the issuer from configuration, not options: the token options depend on these ones (their keys).</remarks>
public sealed class IdentityServerOptionsValidator(IConfiguration configuration) : IValidateOptions<IdentityServerOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = IdentityServerOptions.Section;
        var failures = new List<string>();
        if (!Uri.TryCreate(configuration[ProviderTokenOptions.Section + ":Issuer"], UriKind.Absolute, out _))
        {
            failures.Add($"{ProviderTokenOptions.Section}:Issuer must be an absolute URL when the sign-in server runs.");
        }

        var key = TryDecode(options.EncryptionKey);
        if (key is not { Length: 32 })
        {
            failures.Add($"{S}:EncryptionKey must be base64 of 32 bytes.");
        }

        var kids = options.SigningKeys.Select(k => k.Kid).ToList();
        if (kids.Any(string.IsNullOrWhiteSpace) || kids.Distinct(StringComparer.Ordinal).Count() != kids.Count)
        {
            failures.Add($"{S}:SigningKeys need distinct, non-empty Kid values.");
        }

        for (var i = 0; i < options.Clients.Count; i++)
        {
            var c = options.Clients[i];
            var at = $"{S}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(c.ClientId) || c.ClientId == OpenIddict.IdentityClients.SessionClientId)
            {
                failures.Add($"{at}:ClientId is required (and '{OpenIddict.IdentityClients.SessionClientId}' is reserved).");
            }

            if (c.Kind is not ("meshery" or "cli" or "agent"))
            {
                failures.Add($"{at}:Kind must be meshery, cli or agent.");
            }

            if (c.Kind == "agent" && string.IsNullOrEmpty(c.ClientSecret))
            {
                failures.Add($"{at}:ClientSecret is required for an agent.");
            }

            if (c.Kind == "meshery" && c.RedirectUris.Count == 0)
            {
                failures.Add($"{at}:RedirectUris must name the Meshery server's callback.");
            }

            if (c.RedirectUris.Concat(c.PostLogoutRedirectUris).Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment)))
            {
                failures.Add($"{at}: redirect URIs must be absolute URLs without a fragment.");
            }
        }

        if (options.Clients.Select(c => c.ClientId).Distinct(StringComparer.Ordinal).Count() != options.Clients.Count)
        {
            failures.Add($"{S}:Clients must have distinct ClientId values.");
        }

        ValidateExternalProviders(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateExternalProviders(IdentityServerOptions options, List<string> failures)
    {
        const string S = IdentityServerOptions.Section;
        for (var i = 0; i < options.ExternalProviders.Count; i++)
        {
            var p = options.ExternalProviders[i];
            var at = $"{S}:ExternalProviders:{i}";
            if (!External.ExternalProviders.IsValidName(p.Name))
            {
                failures.Add($"{at}:Name is required: 1 to 64 letters, digits, '-' or '_' (it is a URL path segment).");
            }

            if (!Uri.TryCreate(p.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("https" or "http")
                || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment))
            {
                failures.Add($"{at}:Issuer must be the provider's absolute http(s) issuer URL, without query or fragment.");
            }

            if (string.IsNullOrWhiteSpace(p.ClientId))
            {
                failures.Add($"{at}:ClientId is required (this host's client id at the provider).");
            }

            if (p.Scopes.Any(string.IsNullOrWhiteSpace) || p.Scopes.Any(s => s.Contains(' ', StringComparison.Ordinal)))
            {
                failures.Add($"{at}:Scopes must be single, non-empty scope names.");
            }
        }

        if (options.ExternalProviders.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != options.ExternalProviders.Count)
        {
            failures.Add($"{S}:ExternalProviders must have distinct Name values.");
        }
    }

    private static byte[]? TryDecode(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value ?? "", buffer, out var written) ? buffer[..written] : null;
    }
}
