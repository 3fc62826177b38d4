using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Http;
using Meshery.Provider.Identity.Accounts;
using Meshery.Provider.Identity.OpenIddict;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.Anonymous;

/// <summary>
/// <c>persist-anonymous-user</c> (<c>POST /api/identity/users/anonymous</c>): a Meshery server proves it
/// holds the global token (<c>X-API-Key</c>) and gets an anonymous user of its own, its connection
/// registered for that user, and an access token for it (no refresh token: servers never refresh the
/// anonymous token) issued by the sign-in server like any other.
/// </summary>
public static class AnonymousUserHandlers
{
    public const string ApiKeyHeader = "X-API-Key";
    private const string AnonymousScopes = "openid profile";

    public static async Task<IResult> CreateAsync(
        HttpContext context, IOptions<IdentityServerOptions> options, TableAnonymousUserStore users, IConnectionStore connections,
        ICapabilitiesSource capabilities, IdentityClients clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(clients);
        var key = options.Value.AnonymousUserApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return ProblemAnswers.Status(StatusCodes.Status404NotFound, "Anonymous users are not offered by this provider.");
        }

        if (!KeyMatches(context.Request.Headers[ApiKeyHeader].ToString(), key))
        {
            return ProblemAnswers.Status(StatusCodes.Status401Unauthorized, $"'{ApiKeyHeader}' must carry the provider's global token.");
        }

        ConnectionPayload? payload = null;
        if (context.Request.ContentLength is not 0)
        {
            var body = await JsonBody<ConnectionPayload>.BindAsync(context);
            if (body.Problem is { } problem)
            {
                return problem;
            }

            payload = body.Value;
        }

        var serverId = (payload?.Metadata?["server_id"] ?? payload?.Metadata?["serverId"])?.ToString();
        var userId = await users.GetOrCreateAsync(serverId, cancellationToken);
        var caller = new ProviderCaller(userId);
        if (!string.IsNullOrEmpty(payload?.Kind))
        {
            // Upstream registers the calling server as the anonymous user's connection; the server does not check the status.
            await connections.SaveAsync(caller, payload, cancellationToken);
        }

        var answer = await InProcessEndpoint.PostAsync(context, IdentityRoutes.Token, new Dictionary<string, string>
        {
            [Parameters.GrantType] = IdentityClients.SessionGrantType,
            [Parameters.ClientId] = IdentityClients.SessionClientId,
            [Parameters.ClientSecret] = clients.SessionClientSecret,
            [Parameters.Scope] = AnonymousScopes,
        }, Principal(userId), cancellationToken);
        if (!answer.IsSuccess || answer["access_token"] is not { Length: > 0 } accessToken)
        {
            IdentityLog.InProcessTokenFailed(loggers.CreateLogger(typeof(AnonymousUserHandlers)), answer["error"], answer["error_description"]);
            return ProblemAnswers.Status(StatusCodes.Status500InternalServerError, "The anonymous user could not be issued a token.");
        }

        IdentityLog.AnonymousUserIssued(loggers.CreateLogger(typeof(AnonymousUserHandlers)), userId);
        return TypedResults.Ok(new AnonymousUserAnswer
        {
            AccessToken = accessToken,
            UserId = userId,
            Capability = await capabilities.GetCapabilitiesAsync(caller, cancellationToken),
        });
    }

    private static bool KeyMatches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The anonymous user as a signed-in session, for the provider's internal session grant.</summary>
    private static ClaimsPrincipal Principal(Guid userId)
    {
        var identity = new ClaimsIdentity(AccountRoutes.Scheme, Claims.Subject, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, userId.ToString("D")));
        identity.AddClaim(new Claim(Claims.Name, "Anonymous user"));
        return new ClaimsPrincipal(identity);
    }
}
