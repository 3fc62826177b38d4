using Meshery.Agent.Hosting;
using Meshery.Agent.RemoteProvider.Registration;
using Meshery.Agent.RemoteProvider.Tokens;
using Meshery.Agent.Sync;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>
/// The server's half of Meshery's sign-in: <c>/user/login</c> sends the browser to the provider's
/// <c>/login</c>, and <c>/api/user/token</c> takes the token back, checks it, sets the session cookies,
/// registers the agent and returns to the safe <c>ref</c>.
/// </summary>
public static class SignInHandlers
{
    public const string ProviderLoginPath = "login";

    public static async Task<IResult> LoginAsync(
        HttpContext context, IOptions<RemoteModeOptions> options, SessionValidator validator, RemoteProviderCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(catalog);
        var remote = options.Value;
        var reference = context.Request.Query["ref"].ToString();
        if (!remote.IsEnabled)
        {
            // Offline mode: the Local provider has no sign-in.
            return TypedResults.Redirect(SafeReturn.Decode(reference));
        }

        var (presented, fromCookie) = SessionCookies.Presented(context.Request);
        if (fromCookie && TokenCookie.Read(presented) is { } token && await TryResumeAsync(context, remote, validator, token, cancellationToken))
        {
            return TypedResults.Redirect(SafeReturn.Decode(reference));
        }

        SessionCookies.MarkSignIn(context, remote.SignInTimeout);
        SessionCookies.NoStore(context);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["source"] = SafeReturn.Encode(CallbackOf(context, remote)),
            ["ref"] = reference.Length > 0 ? reference : SafeReturn.Encode($"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}"),
        };
        if (catalog.Loaded?.PackageVersion is { Length: > 0 } providerVersion)
        {
            query["provider_version"] = providerVersion;
        }

        query["meshery_version"] = catalog.ServerVersion;
        var target = new Uri(remote.ProviderAddress(), ProviderLoginPath) + QueryString.Create(query).ToString();
        return TypedResults.Redirect(target);
    }

    /// <summary><c>GET|POST /api/user/token?token=&amp;session_cookie=&amp;ref=</c>: the provider's redirect back.</summary>
    public static async Task<IResult> CallbackAsync(
        HttpContext context,
        IOptions<RemoteModeOptions> options,
        SessionValidator validator,
        AgentRegistration registration,
        AgentInstance instance,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(loggers);
        var remote = options.Value;
        var logger = loggers.CreateLogger(typeof(SignInHandlers));
        if (!remote.IsEnabled)
        {
            return ProblemAnswers.Status(StatusCodes.Status404NotFound, $"No remote provider is configured ({RemoteModeOptions.Section}:Url): the agent runs in offline mode.");
        }

        var values = await ValuesAsync(context.Request, cancellationToken);
        if (!SessionCookies.HasPendingSignIn(context.Request))
        {
            RemoteModeLog.SignInRefused(logger, "no sign-in was started from this browser");
            return ProblemAnswers.BadRequest($"This sign-in was not started from this browser at {SignInPaths.Login} (or took longer than {remote.SignInTimeout.TotalMinutes:0} minutes): start again there.");
        }

        if (TokenCookie.Read(values.GetValueOrDefault("token")) is not { } token)
        {
            RemoteModeLog.SignInRefused(logger, "no token");
            return ProblemAnswers.BadRequest("'token' is missing: the provider did not send one.");
        }

        SessionCheck check;
        try
        {
            check = await validator.CheckAsync(token, mayRefresh: false, cancellationToken);
        }
        catch (ProviderException ex)
        {
            return ProblemAnswers.Status(ProblemAnswers.StatusOf(ex.Kind), $"The provider's token cannot be checked: {ex.Message}");
        }

        if (check.Session is not { } session)
        {
            RemoteModeLog.SignInRefused(logger, check.Failure!);
            return ReloginProblem.Create(context, remote.Name, check.Failure!, returnHere: false);
        }

        SessionCookies.Set(context, SessionCookies.Token, token.Value, remote.CookieLifetime);
        SessionCookies.Set(context, SessionCookies.Provider, remote.Name, remote.CookieLifetime);
        if (values.GetValueOrDefault("session_cookie") is { Length: > 0 } providerSession)
        {
            SessionCookies.Set(context, SessionCookies.ProviderSession, providerSession, remote.CookieLifetime);
        }

        SessionCookies.Clear(context, SessionCookies.SignInPending, SignInPaths.Callback);
        SessionCookies.NoStore(context);
        registration.Enqueue(new ProviderCaller(session.UserId, token.Value, instance.Id), $"{context.Request.Scheme}://{context.Request.Host}");
        context.RequestServices.GetService<SyncSessions>()?.Remember(session);
        RemoteModeLog.SignedIn(logger, session.UserId, remote.Name);
        return TypedResults.Redirect(SafeReturn.Decode(values.GetValueOrDefault("ref")));
    }

    /// <summary>The agent's <c>/api/user/token</c> as the provider must redirect to it.</summary>
    public static string CallbackOf(HttpContext context, RemoteModeOptions remote)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(remote);
        return remote.CallbackUrl is { Length: > 0 } configured
            ? configured
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{SignInPaths.Callback}";
    }

    private static async Task<bool> TryResumeAsync(HttpContext context, RemoteModeOptions remote, SessionValidator validator, TokenCookie token, CancellationToken cancellationToken)
    {
        try
        {
            if ((await validator.CheckAsync(token, mayRefresh: true, cancellationToken)).Session is not { } session)
            {
                return false;
            }

            if (session.Rotated)
            {
                SessionCookies.Set(context, SessionCookies.Token, session.Token.Value, remote.CookieLifetime);
            }

            return true;
        }
        catch (ProviderException)
        {
            return false;
        }
    }

    private static async Task<Dictionary<string, string>> ValuesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
        }

        return values;
    }
}
