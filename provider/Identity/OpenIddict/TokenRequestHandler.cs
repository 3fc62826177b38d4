using System.Security.Claims;
using Meshery.Provider.Identity.Accounts;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Answers token requests once OpenIddict has validated them (client, code + PKCE verifier, refresh
/// token status, device code): signs the principal in again, or refuses. Being an event handler rather
/// than an endpoint, it also serves the provider's own in-process requests.
/// </summary>
public sealed class TokenRequestHandler(IdentityPrincipals principals, IdentityClients clients) : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    /// <summary>Key of <c>HttpContext.Items</c> that carries the signed-in session into an in-process session grant.</summary>
    public const string SessionItem = "Meshery.Identity.Session";

    public ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.IsClientCredentialsGrantType())
        {
            var client = clients.Find(context.ClientId);
            if (client is not { Kind: "agent" })
            {
                context.Reject(Errors.UnauthorizedClient, "This client may not use client credentials.");
                return ValueTask.CompletedTask;
            }

            var userId = client.UserId ?? AgentUserId(client.ClientId);
            context.SignIn(principals.ForAgent(client.ClientId, userId, request.GetScopes()));
            return ValueTask.CompletedTask;
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            var previous = context.AuthorizationCodePrincipal ?? context.RefreshTokenPrincipal ?? context.DeviceCodePrincipal;
            var subject = previous?.GetClaim(Claims.Subject);
            if (previous is null || string.IsNullOrEmpty(subject))
            {
                context.Reject(Errors.InvalidGrant, "The grant is no longer valid.");
                return ValueTask.CompletedTask;
            }

            var principal = principals.ForUser(subject, previous, previous.GetScopes());
            context.SignIn(principal);
            return ValueTask.CompletedTask;
        }

        if (request.GrantType == IdentityClients.SessionGrantType)
        {
            // Only the provider's own in-process request carries the session; from outside this is always refused.
            var http = context.Transaction.GetHttpRequest()?.HttpContext;
            if (context.ClientId != IdentityClients.SessionClientId || http?.Items[SessionItem] is not ClaimsPrincipal session
                || AccountPrincipal.UserId(session) is not { } user)
            {
                context.Reject(Errors.UnauthorizedClient, "This grant is internal to the provider.");
                return ValueTask.CompletedTask;
            }

            // The requested scopes (the anonymous user's token asks for no offline_access: it gets no refresh token).
            context.SignIn(principals.ForUser(user.ToString("D"), session, request.GetScopes()));
            return ValueTask.CompletedTask;
        }

        context.Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
        return ValueTask.CompletedTask;
    }

    /// <summary>An agent registered without a user acts as its own user: a stable UUID from its client id.</summary>
    public static Guid AgentUserId(string clientId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("meshery-agent:" + clientId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
