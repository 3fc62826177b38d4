namespace Meshery.Provider.Identity;

/// <summary>The sign-in server's paths (no leading slash, as <c>ProviderRoutes</c>).</summary>
public static class IdentityRoutes
{
    public const string Discovery = ".well-known/openid-configuration";
    public const string Jwks = ".well-known/jwks";
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string Device = "connect/device";
    public const string Verify = "connect/verify";
    public const string Introspect = "connect/introspect";
    public const string Revoke = "connect/revoke";
    public const string EndSession = "connect/endsession";

    // Meshery's own sign-in paths.
    public const string MesheryLogin = "login";
    public const string MesheryKeys = "keys";
    public const string MesheryIntrospect = "introspect";
    public const string MesheryRefresh = "refresh";
    public const string MesheryRevoke = "revoke";
    public const string MesheryLogout = "logout";
    public const string AnonymousUser = "api/identity/users/anonymous";
}
