using Meshery.ExtensionPoints.Http;
using Meshery.Provider.Identity.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// The endpoints OpenIddict passes through after validating the request: authorization (code flow,
/// PKCE already checked), end-user verification (device flow approval) and end-session.
/// </summary>
public static class AuthorizationHandlers
{
    /// <summary>Signs the session's user in for the client, or sends the browser to the sign-in page first.</summary>
    public static async Task<IResult> AuthorizeAsync(HttpContext context, IdentityPrincipals principals)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principals);
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            return ProblemAnswers.BadRequest("Not an authorization request.");
        }

        var session = await context.AuthenticateAsync(AccountRoutes.Scheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TypedResults.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var back = context.Request.PathBase + context.Request.Path + QueryWithout(context.Request, Parameters.Prompt);
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [AccountRoutes.Scheme]);
        }

        var userId = AccountPrincipal.UserId(session.Principal)!.Value.ToString("D");
        return TypedResults.SignIn(principals.ForUser(userId, session.Principal, request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>GET: shows the code to confirm (after sign-in); POST: approves it for the signed-in user, or denies it.</summary>
    public static async Task<IResult> VerifyAsync(HttpContext context, IAntiforgery antiforgery, IdentityPrincipals principals, IOpenIddictApplicationManager applications)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(applications);
        var session = await context.AuthenticateAsync(AccountRoutes.Scheme);
        if (!session.Succeeded)
        {
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString }, [AccountRoutes.Scheme]);
        }

        var request = context.GetOpenIddictServerRequest();
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Query.ContainsKey("approved"))
        {
            return AccountPages.Approved(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Query.ContainsKey("denied"))
        {
            return AccountPages.Denied(context);
        }

        if (HttpMethods.IsPost(context.Request.Method) && await AccountHandlers.RejectForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (code is not { Succeeded: true } || code.Principal.GetClaim(Claims.ClientId) is not { } clientId)
        {
            return string.IsNullOrEmpty(request?.UserCode)
                ? AccountPages.Verify(context, antiforgery, null, null, null)
                : AccountPages.Verify(context, antiforgery, request.UserCode, null, "This code is not valid or has expired.", StatusCodes.Status400BadRequest);
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            var application = await applications.FindByClientIdAsync(clientId, context.RequestAborted);
            var name = application is null ? clientId : await applications.GetDisplayNameAsync(application, context.RequestAborted) ?? clientId;
            return AccountPages.Verify(context, antiforgery, request!.UserCode, name, null);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (string.Equals(form[AccountPages.DecisionField], AccountPages.DenyDecision, StringComparison.Ordinal))
        {
            // OpenIddict marks the device code rejected: the device's next poll is answered access_denied.
            return TypedResults.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user denied the device.",
                }) { RedirectUri = "/" + IdentityRoutes.Verify + "?denied=1" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var userId = AccountPrincipal.UserId(session.Principal)!.Value.ToString("D");
        var principal = principals.ForUser(userId, session.Principal, code.Principal.GetScopes());
        return TypedResults.SignIn(principal, new AuthenticationProperties { RedirectUri = "/" + IdentityRoutes.Verify + "?approved=1" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the interactive session and returns to the client's registered post-logout URI (else the signed-out page).</summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.SignOutAsync(AccountRoutes.Scheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = AccountRoutes.SignIn }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string QueryWithout(HttpRequest request, string name)
    {
        var kept = request.Query.Where(q => !string.Equals(q.Key, name, StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryString.Create(kept).ToUriComponent();
    }
}
