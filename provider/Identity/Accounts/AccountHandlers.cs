using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>Sign-up, sign-in and sign-out. Every POST checks the antiforgery token first (400 without it).</summary>
public static class AccountHandlers
{
    public static async Task<IResult> GetSignInAsync(HttpContext context, IAntiforgery antiforgery, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await context.AuthenticateAsync(AccountRoutes.Scheme);
        if (session.Succeeded && AccountRoutes.IsLocal(returnUrl))
        {
            return TypedResults.LocalRedirect(returnUrl!);
        }

        return AccountPages.SignIn(context, antiforgery, Local(returnUrl), null,
            session.Succeeded ? "You are signed in. Sign in again to switch accounts." : null);
    }

    public static async Task<IResult> PostSignInAsync(HttpContext context, IAntiforgery antiforgery, AccountService accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        if (await RejectForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = Local(form["returnUrl"]);
        var email = form["email"].ToString();
        var result = await accounts.SignInAsync(email, form["password"], cancellationToken);
        return result.Outcome switch
        {
            SignInOutcome.Success => await CompleteAsync(context, result.Account!, returnUrl),
            SignInOutcome.LockedOut => AccountPages.SignIn(context, antiforgery, returnUrl, email,
                "Too many failed attempts. This account is locked for a while; try again later.", StatusCodes.Status429TooManyRequests),
            _ => AccountPages.SignIn(context, antiforgery, returnUrl, email, "The e-mail address or password is not right.", StatusCodes.Status400BadRequest),
        };
    }

    public static IResult GetSignUp(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        AccountPages.SignUp(context, antiforgery, Local(returnUrl), null, null, null);

    public static async Task<IResult> PostSignUpAsync(HttpContext context, IAntiforgery antiforgery, AccountService accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        if (await RejectForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = Local(form["returnUrl"]);
        string email = form["email"].ToString(), name = form["name"].ToString(), password = form["password"].ToString();
        if (accounts.Check(email, password) is { } problem)
        {
            return AccountPages.SignUp(context, antiforgery, returnUrl, email, name, problem, StatusCodes.Status400BadRequest);
        }

        var account = await accounts.SignUpAsync(email, name, password, cancellationToken);
        return account is null
            ? AccountPages.SignUp(context, antiforgery, returnUrl, email, name, "An account with this e-mail address exists already. Sign in instead.", StatusCodes.Status409Conflict)
            : await CompleteAsync(context, account, returnUrl);
    }

    public static IResult GetSignOut(HttpContext context, IAntiforgery antiforgery) => AccountPages.SignOut(context, antiforgery);

    public static async Task<IResult> PostSignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await RejectForgeryAsync(context, antiforgery) is { } refused)
        {
            return refused;
        }

        await context.SignOutAsync(AccountRoutes.Scheme);
        return AccountPages.SignedOut(context);
    }

    /// <summary>400 problem details when the antiforgery token is missing or wrong (login CSRF included).</summary>
    public static async Task<IResult?> RejectForgeryAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return ProblemAnswers.Status(StatusCodes.Status400BadRequest, "The form's antiforgery token is missing or invalid; reload the page and try again.");
        }
    }

    /// <summary>Issues the session cookie and goes on to the (already checked) local return URL.</summary>
    public static async Task<IResult> CompleteAsync(HttpContext context, Account account, string? returnUrl)
    {
        await context.SignInAsync(AccountRoutes.Scheme, AccountPrincipal.Create(account));
        return TypedResults.Redirect(returnUrl ?? AccountRoutes.SignIn);
    }

    private static string? Local(string? returnUrl) => AccountRoutes.IsLocal(returnUrl) ? returnUrl : null;
}
