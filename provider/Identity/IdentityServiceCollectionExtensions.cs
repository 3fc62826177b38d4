using Meshery.Provider.Auth;
using Meshery.Provider.Capabilities;
using Meshery.Provider.Identity.Accounts;
using Meshery.Provider.Identity.Anonymous;
using Meshery.Provider.Identity.External;
using Meshery.Provider.Identity.Keys;
using Meshery.Provider.Identity.OpenIddict;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Meshery.Provider.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>True when <c>Meshery:Provider:Identity:SigningKeys</c> is configured: the host then runs the sign-in server.</summary>
    public static bool IsIdentityConfigured(this IConfiguration configuration) =>
        configuration.GetSection(IdentityServerOptions.Section + ":SigningKeys").GetChildren().Any();

    /// <summary>
    /// The sign-in server (ASP.NET Core host only): OpenIddict over the table stores, accounts with a
    /// cookie session, antiforgery, and the identity keys added to the token validator's keys.
    /// </summary>
    public static IHostApplicationBuilder AddMesheryIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IdentityServerOptions>().BindConfiguration(IdentityServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityServerOptions>, IdentityServerOptionsValidator>());
        services.TryAddSingleton<IdentitySigningKeys>();
        services.TryAddSingleton<IdentityTables>();
        services.TryAddSingleton<IdentityClients>();
        services.TryAddSingleton<IdentityPrincipals>();
        services.TryAddSingleton<TableAccountStore>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<TokenRequestHandler>();
        services.TryAddSingleton<DeviceIntervalHandler>();
        services.TryAddSingleton<TableAnonymousUserStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, AnonymousUserCapability>());

        // What is issued here must validate at the data endpoints: the public halves join the validator's keys.
        services.AddOptions<ProviderTokenOptions>().PostConfigure<IdentitySigningKeys>((tokens, keys) =>
        {
            foreach (var key in keys.PublicKeys.Where(k => tokens.SigningKeys.All(t => t.Kid != k.Kid)))
            {
                tokens.SigningKeys.Add(key);
            }
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "meshery_provider_af";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });
        services.AddAuthentication().AddCookie(AccountRoutes.Scheme, _ => { });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(AccountRoutes.Scheme)
            .Configure<IOptions<IdentityServerOptions>>((o, identity) =>
            {
                o.LoginPath = AccountRoutes.SignIn;
                o.LogoutPath = AccountRoutes.SignOut;
                o.ReturnUrlParameter = "returnUrl";
                o.ExpireTimeSpan = identity.Value.SessionLifetime;
                o.SlidingExpiration = true;
                o.Cookie.Name = AccountRoutes.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.SetDefaultApplicationEntity<IdentityApplication>()
                    .SetDefaultAuthorizationEntity<IdentityAuthorization>()
                    .SetDefaultScopeEntity<IdentityScope>()
                    .SetDefaultTokenEntity<IdentityToken>();
                core.ReplaceApplicationStore<IdentityApplication, TableApplicationStore>(ServiceLifetime.Singleton)
                    .ReplaceAuthorizationStore<IdentityAuthorization, TableAuthorizationStore>(ServiceLifetime.Singleton)
                    .ReplaceScopeStore<IdentityScope, TableScopeStore>(ServiceLifetime.Singleton)
                    .ReplaceTokenStore<IdentityToken, TableTokenStore>(ServiceLifetime.Singleton);
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(IdentityRoutes.Authorize)
                    .SetTokenEndpointUris(IdentityRoutes.Token)
                    .SetDeviceAuthorizationEndpointUris(IdentityRoutes.Device)
                    .SetEndUserVerificationEndpointUris(IdentityRoutes.Verify)
                    .SetIntrospectionEndpointUris(IdentityRoutes.Introspect)
                    .SetRevocationEndpointUris(IdentityRoutes.Revoke)
                    .SetEndSessionEndpointUris(IdentityRoutes.EndSession)
                    .SetConfigurationEndpointUris(IdentityRoutes.Discovery)
                    .SetJsonWebKeySetEndpointUris(IdentityRoutes.Jwks);
                server.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowDeviceAuthorizationFlow()
                    .AllowClientCredentialsFlow()
                    .AllowCustomFlow(IdentityClients.SessionGrantType);
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                server.DisableAccessTokenEncryption();
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseSingletonHandler<TokenRequestHandler>());
                server.AddEventHandler<ApplyDeviceAuthorizationResponseContext>(handler => handler.UseSingletonHandler<DeviceIntervalHandler>());
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<IdentitySigningKeys, IOptions<IdentityServerOptions>, IOptions<ProviderTokenOptions>, TimeProvider>((server, keys, identity, tokens, time) =>
            {
                server.Issuer = new Uri(tokens.Value.Issuer, UriKind.Absolute);
                foreach (var key in keys.Keys)
                {
                    server.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
                }

                server.EncryptionCredentials.Add(new EncryptingCredentials(
                    new SymmetricSecurityKey(Convert.FromBase64String(identity.Value.EncryptionKey)),
                    SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
                server.AccessTokenLifetime = identity.Value.AccessTokenLifetime;
                server.RefreshTokenLifetime = identity.Value.RefreshTokenLifetime;
                server.RefreshTokenReuseLeeway = identity.Value.RefreshTokenReuseLeeway;
                server.DeviceCodeLifetime = identity.Value.DeviceCodeLifetime;
                server.UserCodeLifetime = identity.Value.DeviceCodeLifetime;
                server.CodeChallengeMethods.Clear();
                server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                server.TimeProvider = time;
            });
        services.AddHostedService<IdentityClientSeeder>();
        services.AddExternalSignIn(builder.Configuration);
        return builder;
    }
}
