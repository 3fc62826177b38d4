namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>Meshery server's sign-in paths, as upstream's UI and <c>mesheryctl</c> call them.</summary>
public static class SignInPaths
{
    public const string Login = "/user/login";
    public const string Logout = "/user/logout";
    public const string Callback = "/api/user/token";
    public const string ProviderChoice = "/api/provider";
    public const string Token = "/api/token";
}
