using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.RemoteProvider.SignIn;

/// <summary>Meshery server's sign-in routes; in offline mode they answer as upstream's Local provider does.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPaths.Login, SignInHandlers.LoginAsync).WithTags("User").WithName("Login").AllowAnonymous();
        app.MapGet(SignInPaths.Callback, SignInHandlers.CallbackAsync).WithTags("User").WithName("TakeToken").AllowAnonymous();
        app.MapPost(SignInPaths.Callback, SignInHandlers.CallbackAsync).WithTags("User").WithName("PostToken").AllowAnonymous();
        app.MapGet(SignInPaths.Logout, SessionHandlers.LogoutAsync).WithTags("User").WithName("Logout").AllowAnonymous();
        app.MapPost(SignInPaths.Logout, SessionHandlers.LogoutAsync).WithTags("User").WithName("PostLogout").AllowAnonymous();
        app.MapGet(SignInPaths.ProviderChoice, SessionHandlers.Choose).WithTags("Providers").WithName("ChooseProvider").AllowAnonymous();
        app.MapGet(SignInPaths.Token, SessionHandlers.Token).WithTags("User").WithName("GetToken");
        return app;
    }
}
