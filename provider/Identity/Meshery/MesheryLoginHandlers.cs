using Meshery.ExtensionPoints.Serving;
using System.Text;
using System.Text.Json;
using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Tokens;
using Meshery.Provider.Auth;
using Meshery.Provider.Hosting;
using Meshery.Provider.Identity.Accounts;
using Meshery.Provider.Identity.OpenIddict;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.Meshery;

/// <summary>
/// Meshery's sign-in paths (<c>/login</c>, <c>/refresh</c>, <c>/revoke</c>) over the OpenIddict server: the
/// tokens are issued, rotated and revoked by OpenIddict through in-process requests as the provider's
/// session client, so reuse detection and revocation are the server's own.
/// </summary>
public static class MesheryLoginHandlers
{
    private const string SessionScopes = "openid email profile offline_access";

    /// <summary>
    /// Signs the user in (through the sign-in page when needed) and sends the browser back to the decoded
    /// <c>source</c>, which must be a registered callback (400 otherwise: no open redirect).
    /// </summary>
    public static async Task<IResult> LoginAsync(
        HttpContext context, IdentityClients clients, TimeProvider time, ILoggerFactory loggers,
        string? source, string? @ref, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clients);
        var logger = loggers.CreateLogger(typeof(MesheryLoginHandlers));
        var callback = DecodeSource(source);
        if (callback is null || !clients.IsMesheryCallback(callback))
        {
            IdentityLog.UnregisteredCallback(logger);
            return ProblemAnswers.BadRequest("'source' must be the base64url of a callback URL registered for a Meshery server.");
        }

        var session = await context.AuthenticateAsync(AccountRoutes.Scheme);
        if (!session.Succeeded)
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [AccountRoutes.Scheme]);
        }

        var answer = await InProcessEndpoint.PostAsync(context, IdentityRoutes.Token, new Dictionary<string, string>
        {
            [Parameters.GrantType] = IdentityClients.SessionGrantType,
            [Parameters.ClientId] = IdentityClients.SessionClientId,
            [Parameters.ClientSecret] = clients.SessionClientSecret,
            [Parameters.Scope] = SessionScopes,
        }, session.Principal, cancellationToken);
        if (CookieOf(answer, time) is not { } cookie)
        {
            IdentityLog.InProcessTokenFailed(logger, answer["error"], answer["error_description"]);
            return ProblemAnswers.Status(StatusCodes.Status500InternalServerError, "The sign-in could not issue a token.");
        }

        var target = new StringBuilder(callback)
            .Append(callback.Contains('?', StringComparison.Ordinal) ? '&' : '?')
            .Append("token=").Append(Uri.EscapeDataString(cookie.Encode()))
            .Append("&session_cookie=").Append(Uri.EscapeDataString(SessionIdOf(cookie.AccessToken) ?? ""))
            .Append("&ref=").Append(Uri.EscapeDataString(@ref ?? ""));
        return TypedResults.Redirect(target.ToString());
    }

    /// <summary><c>POST /refresh {"token": cookie}</c>: rotates the refresh token; 200 <c>{"token": new cookie}</c>, else 400.</summary>
    public static async Task<Results<Ok<TokenBody>, ProblemHttpResult>> RefreshAsync(
        HttpContext context, IdentityClients clients, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clients);
        var body = await ReadAsync(context, cancellationToken);
        var current = MesheryTokenCookie.TryDecode(body?.Token);
        if (string.IsNullOrEmpty(current?.RefreshToken))
        {
            return ProblemAnswers.BadRequest("'token' must be a token cookie that holds a refresh token.");
        }

        var answer = await InProcessEndpoint.PostAsync(context, IdentityRoutes.Token, new Dictionary<string, string>
        {
            [Parameters.GrantType] = GrantTypes.RefreshToken,
            [Parameters.RefreshToken] = current.RefreshToken,
            [Parameters.ClientId] = IdentityClients.SessionClientId,
            [Parameters.ClientSecret] = clients.SessionClientSecret,
        }, null, cancellationToken);
        return CookieOf(answer, time) is { } cookie
            ? TypedResults.Ok(new TokenBody(cookie.Encode()))
            : ProblemAnswers.BadRequest(answer["error_description"] ?? "The refresh token is not valid.");
    }

    /// <summary><c>POST /revoke {"token": refresh token}</c>: revokes it (200 also for an unknown token, as RFC 7009).</summary>
    public static async Task<Results<Ok<EmptyAnswer>, ProblemHttpResult>> RevokeAsync(
        HttpContext context, IdentityClients clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clients);
        var body = await ReadAsync(context, cancellationToken);
        if (string.IsNullOrWhiteSpace(body?.Token) || body.Token.Length > MesheryTokenForms.MaxTokenLength)
        {
            return ProblemAnswers.BadRequest("'token' is required.");
        }

        var token = MesheryTokenCookie.TryDecode(body.Token)?.RefreshToken ?? body.Token.Trim();
        var answer = await InProcessEndpoint.PostAsync(context, IdentityRoutes.Revoke, new Dictionary<string, string>
        {
            [Parameters.Token] = token,
            [Parameters.TokenTypeHint] = TokenTypeHints.RefreshToken,
            [Parameters.ClientId] = IdentityClients.SessionClientId,
            [Parameters.ClientSecret] = clients.SessionClientSecret,
        }, null, cancellationToken);
        return answer.IsSuccess || answer["error"] is Errors.InvalidToken or Errors.UnsupportedTokenType
            ? TypedResults.Ok(new EmptyAnswer())
            : ProblemAnswers.BadRequest(answer["error_description"] ?? "The token could not be revoked.");
    }

    internal static async Task<TokenBody?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.Request.HasJsonContentType() || context.Request.ContentType is null
                ? await context.Request.ReadFromJsonAsync(ProviderJsonContext.Default.TokenBody, cancellationToken)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The authorization (the token family) an access token belongs to: the provider's session id.</summary>
    internal static string? SessionIdOf(string accessToken)
    {
        try
        {
            return new JsonWebToken(accessToken).TryGetPayloadValue<string>("oi_au_id", out var id) ? id : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static MesheryTokenCookie? CookieOf(InProcessAnswer answer, TimeProvider time)
    {
        if (!answer.IsSuccess || answer["access_token"] is not { Length: > 0 } access)
        {
            return null;
        }

        DateTimeOffset? expiry = long.TryParse(answer["expires_in"], out var seconds) ? time.GetUtcNow().AddSeconds(seconds) : null;
        return new MesheryTokenCookie(access, "bearer", answer["refresh_token"], expiry);
    }

    /// <summary>base64url without padding (padding and the standard alphabet tolerated) of an absolute http(s) URL.</summary>
    internal static string? DecodeSource(string? source)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Length > 4096)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(source.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_')));
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Fragment)
                ? text
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
