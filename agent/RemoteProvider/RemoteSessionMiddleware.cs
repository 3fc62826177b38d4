using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Agent.RemoteProvider.Tokens;
using Meshery.Agent.Sync;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider;

/// <summary>
/// Remote mode's gate: every request that uses the remote provider, except endpoints marked
/// <c>AllowAnonymous</c>, must present a session (<c>token</c> cookie or <c>Authorization: Bearer</c>)
/// that <see cref="SessionValidator"/> accepts; a refreshed token replaces the cookie. Otherwise the
/// answer is <see cref="ReloginProblem"/> (and a stale cookie is dropped).
/// </summary>
public sealed class RemoteSessionMiddleware(
    RequestDelegate next, ProviderSelector selector, SessionValidator validator, SyncSessions syncSessions, IOptions<RemoteModeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!selector.IsRemote(context) || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var remote = options.Value;
        var (presented, fromCookie) = SessionCookies.Presented(context.Request);
        if (TokenCookie.Read(presented) is not { } token)
        {
            await ReloginProblem.Create(context, remote.Name, "this request carries no session").ExecuteAsync(context);
            return;
        }

        SessionCheck check;
        try
        {
            check = await validator.CheckAsync(token, mayRefresh: fromCookie, context.RequestAborted);
        }
        catch (ProviderException ex)
        {
            await ProblemAnswers.Status(ProblemAnswers.StatusOf(ex.Kind), $"The session cannot be checked: {ex.Message}").ExecuteAsync(context);
            return;
        }

        if (check.Session is not { } session)
        {
            if (fromCookie)
            {
                SessionCookies.Clear(context, SessionCookies.Token);
            }

            await ReloginProblem.Create(context, remote.Name, check.Failure!).ExecuteAsync(context);
            return;
        }

        if (session.Rotated && fromCookie)
        {
            SessionCookies.Set(context, SessionCookies.Token, session.Token.Value, remote.CookieLifetime);
            SessionCookies.NoStore(context);
        }

        // The sender of offline changes goes on with the latest session the user has shown.
        syncSessions.Remember(session);
        context.Features.Set(new RemoteSessionFeature(session));
        await next(context);
    }
}
