using System.Text;
using System.Text.Encodings.Web;
using Meshery.Provider.Identity.External;
using Meshery.Provider.Identity.OpenIddict;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>
/// The sign-in pages as plain, accessible HTML: every field has a label and an autocomplete hint,
/// errors are announced (<c>role="alert"</c>) and tied to the form, and every form carries the
/// antiforgery token.
/// </summary>
public static class AccountPages
{
    /// <summary>The device approval form's field naming the button pressed (<c>allow</c> or <c>deny</c>).</summary>
    public const string DecisionField = "decision";

    public const string DenyDecision = "deny";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult SignIn(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? email, string? error, int status = 200) =>
        Page(context, "Sign in", status, body =>
        {
            Form(body, context, antiforgery, AccountRoutes.SignIn, error, returnUrl, "Sign in", fields =>
            {
                Field(fields, "email", "E-mail", "email", "username", email);
                Field(fields, "password", "Password", "password", "current-password", null);
            });
            body.Append("<p>No account yet? <a href=\"").Append(Html.Encode(WithReturn(AccountRoutes.SignUp, returnUrl))).Append("\">Create one</a>.</p>");
            ExternalButtons(body, context, antiforgery, returnUrl);
        });

    public static IResult SignUp(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? email, string? name, string? error, int status = 200) =>
        Page(context, "Create an account", status, body =>
        {
            Form(body, context, antiforgery, AccountRoutes.SignUp, error, returnUrl, "Create account", fields =>
            {
                Field(fields, "name", "Name", "text", "name", name, required: false);
                Field(fields, "email", "E-mail", "email", "email", email);
                Field(fields, "password", "Password", "password", "new-password", null);
            });
            body.Append("<p>Already registered? <a href=\"").Append(Html.Encode(WithReturn(AccountRoutes.SignIn, returnUrl))).Append("\">Sign in</a>.</p>");
        });

    public static IResult SignOut(HttpContext context, IAntiforgery antiforgery) =>
        Page(context, "Sign out", 200, body => Form(body, context, antiforgery, AccountRoutes.SignOut, null, null, "Sign out", _ => { }));

    public static IResult SignedOut(HttpContext context) =>
        Page(context, "Signed out", 200, body => body.Append("<p role=\"status\">You are signed out.</p><p><a href=\"")
            .Append(AccountRoutes.SignIn).Append("\">Sign in again</a></p>"));

    public static IResult Approved(HttpContext context) =>
        Page(context, "Device connected", 200, body => body.Append("<p role=\"status\">Your device is connected. You can close this page and return to it.</p>"));

    public static IResult Denied(HttpContext context) =>
        Page(context, "Device refused", 200, body => body.Append("<p role=\"status\">The device was not connected. You can close this page.</p>"));

    /// <summary>The device-flow approval: shows the code and asks to allow or deny it (or asks for the code).</summary>
    public static IResult Verify(HttpContext context, IAntiforgery antiforgery, string? userCode, string? clientName, string? error, int status = 200) =>
        Page(context, "Connect a device", status, body =>
        {
            if (clientName is not null)
            {
                body.Append("<p><strong>").Append(Html.Encode(clientName)).Append("</strong> asks to act on your behalf.</p>");
            }

            Form(body, context, antiforgery, "/" + IdentityRoutes.Verify, error, null, clientName is null ? "Continue" : "Allow", fields =>
            {
                Field(fields, "user_code", "Code shown on your device", "text", "one-time-code", userCode);
            }, deny: clientName is not null);
        });

    /// <summary>One POST form per external provider ("Sign in with ..."), each with its antiforgery token and the return URL.</summary>
    private static void ExternalButtons(StringBuilder body, HttpContext context, IAntiforgery antiforgery, string? returnUrl)
    {
        var providers = context.RequestServices.GetService<ExternalProviders>()?.Configured ?? [];
        foreach (var provider in providers)
        {
            Form(body, context, antiforgery, ExternalRoutes.StartOf(provider.Name), null, returnUrl, "Sign in with " + ExternalProviders.DisplayNameOf(provider), _ => { });
        }
    }

    public static string WithReturn(string path, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? path : path + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    private static void Form(StringBuilder body, HttpContext context, IAntiforgery antiforgery, string action, string? error, string? returnUrl, string submit, Action<StringBuilder> fields, bool deny = false)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append('"');
        if (error is not null)
        {
            body.Append(" aria-describedby=\"form-error\"");
        }

        body.Append('>');
        if (error is not null)
        {
            body.Append("<p id=\"form-error\" role=\"alert\">").Append(Html.Encode(error)).Append("</p>");
        }

        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Html.Encode(tokens.RequestToken ?? "")).Append("\">");
        if (!string.IsNullOrEmpty(returnUrl))
        {
            body.Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Html.Encode(returnUrl)).Append("\">");
        }

        fields(body);
        if (deny)
        {
            // Both buttons submit the form; the one pressed names the decision.
            body.Append("<button type=\"submit\" name=\"").Append(DecisionField).Append("\" value=\"allow\">").Append(Html.Encode(submit)).Append("</button> ")
                .Append("<button type=\"submit\" name=\"").Append(DecisionField).Append("\" value=\"").Append(DenyDecision).Append("\">Deny</button></form>");
            return;
        }

        body.Append("<button type=\"submit\">").Append(Html.Encode(submit)).Append("</button></form>");
    }

    private static void Field(StringBuilder body, string name, string label, string type, string autocomplete, string? value, bool required = true)
    {
        body.Append("<p><label for=\"").Append(name).Append("\">").Append(Html.Encode(label)).Append("</label><br>")
            .Append("<input id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type)
            .Append("\" autocomplete=\"").Append(autocomplete).Append('"');
        if (required)
        {
            body.Append(" required");
        }

        if (value is not null)
        {
            body.Append(" value=\"").Append(Html.Encode(value)).Append('"');
        }

        body.Append("></p>");
    }

    private static IResult Page(HttpContext context, string title, int status, Action<StringBuilder> content)
    {
        var body = new StringBuilder(2048);
        body.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Encode(title)).Append(" - Meshery</title></head><body><main><h1>").Append(Html.Encode(title)).Append("</h1>");
        content(body);
        body.Append("</main></body></html>");
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        // A sign-in POST redirects on to /login or /connect/authorize and from there to a registered client
        // (a Meshery server's /api/user/token, say); browsers hold every hop to form-action, so those
        // origins are allowed beside 'self'. The redirects themselves are checked against the registrations.
        var origins = context.RequestServices.GetService<IdentityClients>()?.RedirectOrigins;
        context.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; form-action 'self'{(string.IsNullOrEmpty(origins) ? "" : " " + origins)}; frame-ancestors 'none'";
        return TypedResults.Content(body.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
