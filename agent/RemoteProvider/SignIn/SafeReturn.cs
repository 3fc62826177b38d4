using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>
/// Meshery's <c>ref</c>: base64url of the in-app path to return to after sign-in. Only a relative path on
/// this agent is honoured (no scheme, no host, no <c>//</c> or <c>/\</c>, no control characters, not a
/// sign-in path); anything else returns to <c>/</c>, so the sign-in cannot be turned into an open redirect.
/// </summary>
public static class SafeReturn
{
    public const string Home = "/";
    private const int MaxLength = 2048;

    /// <summary>The <c>ref</c> for a request: base64url of its path and query.</summary>
    public static string Encode(string pathAndQuery) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(pathAndQuery));

    /// <summary>The path to redirect to for <paramref name="reference"/>; <c>/</c> unless it is a safe relative path.</summary>
    public static string Decode(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > MaxLength * 2)
        {
            return Home;
        }

        string path;
        try
        {
            path = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(reference.Trim().TrimEnd('=')));
        }
        catch (FormatException)
        {
            return Home;
        }
        catch (ArgumentException)
        {
            return Home;
        }

        return IsSafe(path) ? path : Home;
    }

    public static bool IsSafe(string path)
    {
        if (path.Length is 0 or > MaxLength || path[0] != '/' || (path.Length > 1 && (path[1] == '/' || path[1] == '\\')))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (char.IsControl(c) || c == '\\')
            {
                return false;
            }
        }

        var pathOnly = path.Split('?', '#')[0];
        return !IsSignInPath(pathOnly)
            && Uri.TryCreate(path, UriKind.Relative, out _);
    }

    private static bool IsSignInPath(string path) =>
        path.Equals(SignInPaths.Login, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SignInPaths.Callback, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SignInPaths.Logout, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/auth/login", StringComparison.OrdinalIgnoreCase);
}
