using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Auth;
using Meshery.Provider.Hosting;
using Meshery.Provider.Identity.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Meshery.Provider.Identity.Meshery;

/// <summary>Meshery's <c>/introspect</c> and <c>/logout</c>: the signature check plus the token family's status in the store.</summary>
public static class MesherySessionHandlers
{
    /// <summary><c>POST /introspect {"token"}</c>: 200 when the access token verifies and its entry and family are still valid, else 401.</summary>
    public static async Task<Results<Ok<IntrospectAnswer>, JsonHttpResult<IntrospectAnswer>>> IntrospectAsync(
        HttpContext context, ProviderTokenValidator validator, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validator);
        var body = await MesheryLoginHandlers.ReadAsync(context, cancellationToken);
        var check = await validator.ValidateAsync(body?.Token, null);
        if (!check.IsValid || !await IsLiveAsync(check.Principal!, tokens, authorizations, cancellationToken))
        {
            return TypedResults.Json(new IntrospectAnswer(false), ProviderJsonContext.Default.IntrospectAnswer, statusCode: StatusCodes.Status401Unauthorized);
        }

        long? exp = long.TryParse(check.Principal!.FindFirst(Claims.ExpiresAt)?.Value, out var e) ? e : null;
        return TypedResults.Ok(new IntrospectAnswer(true, check.UserId.ToString("D"), exp));
    }

    /// <summary>
    /// <c>/logout</c> (GET or POST): with a valid bearer, revokes the token's whole family; always ends the
    /// browser session here. 200 <c>{}</c> for a server, the signed-out page for a browser.
    /// </summary>
    public static async Task<IResult> LogoutAsync(
        HttpContext context, ProviderTokenValidator validator, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(authorizations);
        var presented = RequestTokens.Find(context.Request);
        await context.SignOutAsync(AccountRoutes.Scheme);
        if (presented is null)
        {
            return AccountPages.SignedOut(context);
        }

        var check = await validator.ValidateAsync(presented, null);
        if (check.IsValid && check.Principal!.FindFirst("oi_au_id")?.Value is { } family
            && await authorizations.FindByIdAsync(family, cancellationToken) is { } authorization
            && await authorizations.GetSubjectAsync(authorization, cancellationToken) == check.UserId.ToString("D"))
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(family, cancellationToken);
        }

        return TypedResults.Ok(new EmptyAnswer());
    }

    private static async Task<bool> IsLiveAsync(
        System.Security.Claims.ClaimsPrincipal principal, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, CancellationToken cancellationToken)
    {
        if (principal.FindFirst("oi_tkn_id")?.Value is { } tokenId
            && (await tokens.FindByIdAsync(tokenId, cancellationToken) is not { } token || !await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken)))
        {
            return false;
        }

        return principal.FindFirst("oi_au_id")?.Value is not { } family
            || (await authorizations.FindByIdAsync(family, cancellationToken) is { } authorization
                && await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken));
    }
}
