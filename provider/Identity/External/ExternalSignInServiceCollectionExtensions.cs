using System.Security.Cryptography;
using System.Text;
using Meshery.Provider.Identity.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;

namespace Meshery.Provider.Identity.External;

public static class ExternalSignInServiceCollectionExtensions
{
    /// <summary>True when <c>Meshery:Provider:Identity:ExternalProviders</c> names at least one provider.</summary>
    public static bool HasExternalProviders(this IConfiguration configuration) =>
        configuration.GetSection(IdentityServerOptions.Section + ":ExternalProviders").GetChildren().Any();

    /// <summary>
    /// The stores and, when providers are configured, OpenIddict's client: authorization code with PKCE,
    /// one registration per provider, stateless state tokens (signed with the identity key, encrypted
    /// with a key derived from the shared encryption key, so any instance can finish a sign-in).
    /// </summary>
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ExternalProviders>();
        services.TryAddSingleton<TableExternalLoginStore>();
        services.TryAddSingleton<ExternalAccountLinker>();
        if (!configuration.HasExternalProviders())
        {
            return services;
        }

        services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();

            // State tokens carry everything (PKCE verifier, nonce, return URL) and are bound to the browser by
            // OpenIddict's correlation cookie; nothing is kept per instance.
            client.DisableTokenStorage();
            // Errors pass through too, so a refused callback answers problem details from the handler.
            client.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnableErrorPassthrough()
                .DisableAutomaticAuthenticationSchemeForwarding();
            client.UseSystemNetHttp();
        });
        services.AddOptions<OpenIddictClientOptions>()
            .Configure<IOptions<IdentityServerOptions>, IdentitySigningKeys, TimeProvider>((client, identity, keys, time) =>
            {
                client.SigningCredentials.Add(new SigningCredentials(keys.Keys[0], SecurityAlgorithms.RsaSha256));
                client.EncryptionCredentials.Add(new EncryptingCredentials(
                    new SymmetricSecurityKey(StateKey(identity.Value.EncryptionKey)),
                    SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
                client.TimeProvider = time;
                foreach (var provider in identity.Value.ExternalProviders)
                {
                    var callback = new Uri(ExternalRoutes.CallbackOf(provider.Name), UriKind.Relative);
                    client.RedirectionEndpointUris.Add(callback);
                    var registration = new OpenIddictClientRegistration
                    {
                        RegistrationId = provider.Name,
                        ProviderName = provider.Name,
                        ProviderDisplayName = ExternalProviders.DisplayNameOf(provider),
                        Issuer = new Uri(provider.Issuer, UriKind.Absolute),
                        ClientId = provider.ClientId,
                        ClientSecret = string.IsNullOrEmpty(provider.ClientSecret) ? null : provider.ClientSecret,
                        RedirectUri = callback,
                    };
                    registration.Scopes.UnionWith(provider.Scopes.Count == 0 ? ExternalProviders.DefaultScopes : provider.Scopes);
                    client.Registrations.Add(registration);
                }
            });
        return services;
    }

    /// <summary>A key of its own for the state tokens, derived from the shared encryption key (no key does two jobs).</summary>
    private static byte[] StateKey(string encryptionKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(encryptionKey), 32, info: Encoding.UTF8.GetBytes("meshery-external-sign-in-state"));
}
