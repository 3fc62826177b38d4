namespace Meshery.Provider.Identity.Accounts;

/// <summary>The account pages' paths.</summary>
public static class AccountRoutes
{
    public const string SignIn = "/account/signin";
    public const string SignUp = "/account/signup";
    public const string SignOut = "/account/signout";
    public const string Scheme = "MesheryAccount";
    public const string CookieName = "meshery_provider_session";

    /// <summary>Only same-site paths are followed after sign-in (no open redirect through <c>returnUrl</c>).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\', StringComparison.Ordinal);
}
