using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>
/// The cookies of a Meshery server's session (<c>token</c>, <c>session_cookie</c>, <c>meshery-provider</c>),
/// all HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS, plus the agent's own sign-in marker.
/// </summary>
public static class SessionCookies
{
    public const string Token = "token";
    public const string ProviderSession = "session_cookie";
    public const string Provider = "meshery-provider";

    /// <summary>Set by <c>/user/login</c> and required by <c>/api/user/token</c>: the browser started this sign-in here.</summary>
    public const string SignInPending = "meshery-sign-in";

    /// <summary>The presented token: <c>Authorization: Bearer</c> first, else the <c>token</c> cookie.</summary>
    public static (string? Value, bool FromCookie) Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return (header[7..].Trim(), false);
        }

        return request.Cookies.TryGetValue(Token, out var cookie) && !string.IsNullOrWhiteSpace(cookie) ? (cookie, true) : (null, false);
    }

    public static void Set(HttpContext context, string name, string value, TimeSpan lifetime, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(name, value, Options(context, lifetime, path));
    }

    public static void Clear(HttpContext context, string name, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(name, Options(context, null, path));
    }

    /// <summary>Starts a sign-in: a random marker that only this browser holds, for <c>/api/user/token</c> only.</summary>
    public static void MarkSignIn(HttpContext context, TimeSpan lifetime) =>
        Set(context, SignInPending, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), lifetime, SignInPaths.Callback);

    public static bool HasPendingSignIn(HttpRequest request) =>
        request.Cookies.TryGetValue(SignInPending, out var marker) && marker is { Length: 32 };

    private static CookieOptions Options(HttpContext context, TimeSpan? lifetime, string path) => new()
    {
        HttpOnly = true,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = path,
        MaxAge = lifetime,
        IsEssential = true,
    };

    /// <summary>The <c>Cache-Control</c> of every answer that sets a session cookie.</summary>
    public static void NoStore(HttpContext context) => context.Response.Headers[HeaderNames.CacheControl] = "no-store";
}
