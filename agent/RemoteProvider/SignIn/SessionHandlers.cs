using System.Net;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.RemoteProvider.Tokens;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>Sign-out, the choice of provider and <c>/api/token</c>.</summary>
public static class SessionHandlers
{
    private const int MaxLogoutBodyBytes = 64 * 1024;

    /// <summary>
    /// <c>/user/logout</c>: forwards the sign-out to the provider's <c>/logout</c> (same method and body, the
    /// provider session and the bearer); on 200 or 302 revokes the refresh token; always clears the session
    /// cookies and answers 302 to <c>/</c>.
    /// </summary>
    public static async Task<IResult> LogoutAsync(
        HttpContext context, IOptions<RemoteModeOptions> options, ProviderSessionClient client, SessionValidator validator, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(SessionHandlers));
        var (presented, _) = SessionCookies.Presented(context.Request);
        if (options.Value.IsEnabled && TokenCookie.Read(presented) is { } token)
        {
            if (context.Request.ContentLength > MaxLogoutBodyBytes)
            {
                return ProblemAnswers.Status(StatusCodes.Status413PayloadTooLarge, $"A sign-out body is at most {MaxLogoutBodyBytes} bytes.");
            }

            validator.Forget(token);
            var userId = (await validator.VerifySignatureAsync(token.AccessToken, cancellationToken)).UserId;
            var status = await ForwardAsync(context, client, token, logger, cancellationToken);
            RemoteModeLog.SignedOut(logger, userId, (int)status);
            if (status is HttpStatusCode.OK or HttpStatusCode.Found && token.RefreshToken is { Length: > 0 } refresh)
            {
                await RevokeAsync(client, refresh, logger, cancellationToken);
            }
        }

        SessionCookies.Clear(context, SessionCookies.Token);
        SessionCookies.Clear(context, SessionCookies.ProviderSession);
        SessionCookies.NoStore(context);
        return TypedResults.Redirect(SafeReturn.Home);
    }

    /// <summary><c>GET /api/provider?provider=name</c>: keeps the choice in the <c>meshery-provider</c> cookie, then signs in (remote) or goes home (Local).</summary>
    public static IResult Choose(HttpContext context, IOptions<RemoteModeOptions> options, string? provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var remote = options.Value;
        var lifetime = remote.CookieLifetime;
        if (remote.IsEnabled && string.Equals(provider, remote.Name, StringComparison.Ordinal))
        {
            SessionCookies.Set(context, SessionCookies.Provider, remote.Name, lifetime);
            return TypedResults.Redirect(SignInPaths.Login + context.Request.QueryString);
        }

        if (string.Equals(provider, LocalUser.ProviderName, StringComparison.Ordinal) && !remote.Enforce)
        {
            SessionCookies.Set(context, SessionCookies.Provider, LocalUser.ProviderName, lifetime);
            return TypedResults.Redirect(SafeReturn.Home);
        }

        var offered = remote.IsEnabled ? (remote.Enforce ? $"'{remote.Name}'" : $"'{LocalUser.ProviderName}' or '{remote.Name}'") : $"'{LocalUser.ProviderName}'";
        return ProblemAnswers.BadRequest($"'provider' must name a provider this agent offers: {offered}.");
    }

    /// <summary><c>GET /api/token</c>: the provider in use and the session's token (empty for Local).</summary>
    public static Ok<TokenAnswer> Token(HttpContext context, IOptions<RemoteModeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return RemoteSessionFeature.Of(context) is { } session
            ? TypedResults.Ok(new TokenAnswer { Provider = options.Value.Name, Token = session.Token.Value })
            : TypedResults.Ok(new TokenAnswer { Provider = LocalUser.ProviderName, Token = "" });
    }

    private static async Task<HttpStatusCode> ForwardAsync(HttpContext context, ProviderSessionClient client, TokenCookie token, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > MaxLogoutBodyBytes)
            {
                return HttpStatusCode.RequestEntityTooLarge;
            }

            return await client.LogoutAsync(
                new HttpMethod(context.Request.Method), buffer.ToArray(), context.Request.ContentType, token.Value,
                context.Request.Cookies[SessionCookies.ProviderSession], cancellationToken);
        }
        catch (ProviderException ex)
        {
            // The cookies are cleared all the same: the user asked to be signed out here.
            RemoteModeLog.RevokeFailed(logger, ex.Message);
            return HttpStatusCode.ServiceUnavailable;
        }
    }

    private static async Task RevokeAsync(ProviderSessionClient client, string refreshToken, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if (!await client.RevokeAsync(refreshToken, cancellationToken))
            {
                RemoteModeLog.RevokeFailed(logger, "the provider did not answer 200");
            }
        }
        catch (ProviderException ex)
        {
            RemoteModeLog.RevokeFailed(logger, ex.Message);
        }
    }
}
