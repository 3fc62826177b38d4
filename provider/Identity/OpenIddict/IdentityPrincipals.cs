using System.Collections.Immutable;
using System.Security.Claims;
using Meshery.Provider.Auth;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Builds what OpenIddict signs: <c>sub</c> = the user id, the provider's audience (so the token
/// validator accepts it), the granted scopes, and e-mail and name in the access token.
/// </summary>
public sealed class IdentityPrincipals(IOptions<ProviderTokenOptions> tokens)
{
    private static readonly ImmutableArray<string> Offered = [Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess];

    /// <summary>A principal for <paramref name="userId"/>, from the session's or a previous token's claims.</summary>
    public ClaimsPrincipal ForUser(string userId, ClaimsPrincipal? source, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId);
        identity.SetClaim(Claims.Email, source?.FindFirstValue(Claims.Email));
        identity.SetClaim(Claims.Name, source?.FindFirstValue(Claims.Name));
        return Finish(identity, scopes);
    }

    /// <summary>A principal for an agent (client credentials): <c>sub</c> = the user it acts for.</summary>
    public ClaimsPrincipal ForAgent(string clientId, Guid userId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId.ToString("D"));
        identity.SetClaim(Claims.ClientId, clientId);
        return Finish(identity, scopes.Where(s => s != Scopes.OfflineAccess));
    }

    private ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes.Intersect(Offered, StringComparer.Ordinal));
        identity.SetResources(tokens.Value.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email or Claims.Name => [Destinations.AccessToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
