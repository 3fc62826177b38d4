using Meshery.Provider.Identity.Accounts;
using Meshery.Provider.Identity.Anonymous;
using Meshery.Provider.Identity.External;
using Meshery.Provider.Identity.Keys;
using Meshery.Provider.Identity.Meshery;
using Meshery.Provider.Identity.OpenIddict;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using R = Meshery.Provider.Identity.IdentityRoutes;

namespace Meshery.Provider.Identity;

/// <summary>
/// The sign-in server's routes (ASP.NET Core host only). OpenIddict answers discovery, JWKS, token,
/// device authorization, introspection and revocation itself; the routes here are the pages, the
/// endpoints it passes through, and Meshery's own paths.
/// </summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapMesheryIdentity(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var open = app.MapGroup("/").AllowAnonymous().WithTags("Sign-in");
        open.MapGet(AccountRoutes.SignIn, AccountHandlers.GetSignInAsync).WithName("SignInPage");
        open.MapPost(AccountRoutes.SignIn, AccountHandlers.PostSignInAsync).WithName("SignIn");
        open.MapGet(AccountRoutes.SignUp, AccountHandlers.GetSignUp).WithName("SignUpPage");
        open.MapPost(AccountRoutes.SignUp, AccountHandlers.PostSignUpAsync).WithName("SignUp");
        open.MapGet(AccountRoutes.SignOut, AccountHandlers.GetSignOut).WithName("SignOutPage");
        open.MapPost(AccountRoutes.SignOut, AccountHandlers.PostSignOutAsync).WithName("SignOut");
        open.MapPost(ExternalRoutes.Start, ExternalSignInHandlers.StartAsync).WithName("ExternalSignIn");
        open.MapMethods(ExternalRoutes.Callback, ["GET", "POST"], (Delegate)ExternalSignInHandlers.CallbackAsync).WithName("ExternalSignInCallback");

        open.MapMethods(R.Authorize, ["GET", "POST"], (Delegate)AuthorizationHandlers.AuthorizeAsync).WithName("Authorize");
        open.MapMethods(R.Verify, ["GET", "POST"], (Delegate)AuthorizationHandlers.VerifyAsync).WithName("VerifyDevice");
        open.MapMethods(R.EndSession, ["GET", "POST"], (Delegate)AuthorizationHandlers.EndSessionAsync).WithName("EndSession");

        open.MapGet(R.MesheryKeys, KeysHandlers.Get).WithName("MesheryKeys");
        open.MapGet(R.MesheryLogin, MesheryLoginHandlers.LoginAsync).WithName("MesheryLogin");
        open.MapPost(R.MesheryRefresh, MesheryLoginHandlers.RefreshAsync).WithName("MesheryRefresh");
        open.MapPost(R.MesheryRevoke, MesheryLoginHandlers.RevokeAsync).WithName("MesheryRevoke");
        open.MapPost(R.MesheryIntrospect, MesherySessionHandlers.IntrospectAsync).WithName("MesheryIntrospect");
        open.MapMethods(R.MesheryLogout, ["GET", "POST"], (Delegate)MesherySessionHandlers.LogoutAsync).WithName("MesheryLogout");
        open.MapPost(R.AnonymousUser, AnonymousUserHandlers.CreateAsync).WithName("PersistAnonymousUser");
        return app;
    }
}
