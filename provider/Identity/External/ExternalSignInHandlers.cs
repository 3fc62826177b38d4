using Meshery.ExtensionPoints.Http;
using Meshery.Provider.Identity.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.External;

/// <summary>
/// Sign-in through an external OpenID Connect provider: the sign-in page's form starts the challenge;
/// OpenIddict's client checks the state, redeems the code (PKCE) and validates the ID token before the
/// callback here links the identity and issues the session cookie.
/// </summary>
public static class ExternalSignInHandlers
{
    /// <summary>POST (antiforgery-checked): redirects to the provider, carrying the local <c>returnUrl</c> in the state.</summary>
    public static async Task<IResult> StartAsync(string name, HttpContext context, IAntiforgery antiforgery, ExternalProviders providers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Find(name) is null)
        {
            return ProblemAnswers.Status(StatusCodes.Status404NotFound, "No external sign-in provider has this name.");
        }

        if (await AccountHandlers.RejectForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        string? returnUrl = form["returnUrl"];
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = name,
        })
        {
            RedirectUri = AccountRoutes.IsLocal(returnUrl) ? returnUrl : AccountRoutes.SignIn,
        };
        return TypedResults.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The provider's redirect back (after OpenIddict validated it): link, sign in, go on to the return URL.</summary>
    public static async Task<IResult> CallbackAsync(
        string name,
        HttpContext context,
        ExternalProviders providers,
        ExternalAccountLinker linker,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(loggers);
        var provider = providers.Find(name);
        if (provider is null)
        {
            return ProblemAnswers.Status(StatusCodes.Status404NotFound, "No external sign-in provider has this name.");
        }

        var logger = loggers.CreateLogger(typeof(ExternalSignInHandlers));
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            IdentityLog.ExternalRefused(logger, provider.Name, "the response did not validate");
            return ProblemAnswers.Status(StatusCodes.Status400BadRequest, "The external sign-in response is not valid; start the sign-in again.");
        }

        // The state names the registration the challenge was for; it must be the one this path is for.
        if (!string.Equals(principal.GetClaim(Claims.Private.RegistrationId), provider.Name, StringComparison.Ordinal))
        {
            IdentityLog.ExternalRefused(logger, provider.Name, "the state belongs to another provider");
            return ProblemAnswers.Status(StatusCodes.Status400BadRequest, "The external sign-in response is not for this provider.");
        }

        var subject = principal.GetClaim(Claims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            IdentityLog.ExternalRefused(logger, provider.Name, "no subject");
            return ProblemAnswers.Status(StatusCodes.Status400BadRequest, "The external provider did not name the user.");
        }

        var issuer = new Uri(provider.Issuer, UriKind.Absolute).AbsoluteUri;
        var account = await linker.SignInAsync(issuer, subject, principal.GetClaim(Claims.Email), principal.GetClaim(Claims.Name), cancellationToken);
        var returnUrl = result.Properties?.RedirectUri;
        return await AccountHandlers.CompleteAsync(context, account, AccountRoutes.IsLocal(returnUrl) ? returnUrl : null);
    }
}
