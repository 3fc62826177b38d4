using Meshery.Agent.RemoteProvider.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meshery.Agent.RemoteProvider;

/// <summary>
/// The 401 of remote mode: problem details that say why the session is not accepted and where to sign in
/// again (<c>loginUrl</c>, also in <c>WWW-Authenticate</c>), never a bare status.
/// </summary>
public static class ReloginProblem
{
    public const string LoginUrlMember = "loginUrl";

    /// <summary>
    /// The 401 for this request; <paramref name="returnHere"/> adds this GET request as the <c>ref</c> to
    /// come back to (never for the sign-in callback, whose query holds the token).
    /// </summary>
    public static ProblemHttpResult Create(HttpContext context, string providerName, string reason, bool returnHere = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var loginUrl = $"{request.PathBase}{SignInPaths.Login}";
        if (returnHere && HttpMethods.IsGet(request.Method))
        {
            loginUrl += "?ref=" + SafeReturn.Encode($"{request.PathBase}{request.Path}{request.QueryString}");
        }

        var detail = $"Sign in to {providerName} again at {loginUrl}: {reason}.";
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace('"', '\'')}\"";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in required",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [LoginUrlMember] = loginUrl });
    }
}
