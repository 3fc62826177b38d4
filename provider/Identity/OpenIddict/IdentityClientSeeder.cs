using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Registers the configured clients (and the session client) at start: created when missing, brought
/// in line with configuration otherwise. Instances starting together may race; the loser updates.
/// </summary>
public sealed class IdentityClientSeeder(IServiceScopeFactory scopes, IdentityClients clients, ILogger<IdentityClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await RegisterAsync(manager, SessionDescriptor(), cancellationToken);
        foreach (var client in clients.Configured)
        {
            await RegisterAsync(manager, Describe(client), cancellationToken);
            IdentityLog.ClientRegistered(logger, client.ClientId, client.Kind);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task RegisterAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
                if (existing is null)
                {
                    await manager.CreateAsync(descriptor, cancellationToken);
                }
                else
                {
                    await manager.UpdateAsync(existing, descriptor, cancellationToken);
                }

                return;
            }
            catch (OpenIddictExceptions.ConcurrencyException) when (attempt < 3)
            {
                // Another instance registered it meanwhile: read it again and update.
            }
        }
    }

    private OpenIddictApplicationDescriptor SessionDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = IdentityClients.SessionClientId,
            ClientSecret = clients.SessionClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Meshery sign-in (provider)",
        };
        Add(descriptor, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
            Permissions.Prefixes.GrantType + IdentityClients.SessionGrantType, Permissions.GrantTypes.RefreshToken);
        AddScopes(descriptor);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Describe(IdentityClientOptions client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
        };
        Add(descriptor, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation);
        if (confidential)
        {
            Add(descriptor, Permissions.Endpoints.Introspection);
        }

        switch (client.Kind)
        {
            case "meshery":
                Add(descriptor, Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
                break;
            case "cli":
                Add(descriptor, Permissions.Endpoints.DeviceAuthorization, Permissions.GrantTypes.DeviceCode, Permissions.GrantTypes.RefreshToken);
                break;
            case "agent":
                Add(descriptor, Permissions.GrantTypes.ClientCredentials);
                break;
        }

        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        AddScopes(descriptor);
        return descriptor;
    }

    private static void AddScopes(OpenIddictApplicationDescriptor descriptor) =>
        Add(descriptor, Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess);

    private static void Add(OpenIddictApplicationDescriptor descriptor, params string[] permissions)
    {
        foreach (var permission in permissions)
        {
            descriptor.Permissions.Add(permission);
        }
    }
}
