using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>The interactive session's principal: the user id as <c>sub</c>, e-mail, name and a session id.</summary>
public static class AccountPrincipal
{
    public const string SessionId = "sid";

    public static ClaimsPrincipal Create(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(AccountRoutes.Scheme, OpenIddictConstants.Claims.Subject, OpenIddictConstants.Claims.Role);
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, account.Id.ToString("D")));
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Email, account.Email));
        if (account.Name is not null)
        {
            identity.AddClaim(new Claim(OpenIddictConstants.Claims.Name, account.Name));
        }

        identity.AddClaim(new Claim(SessionId, Guid.NewGuid().ToString("N")));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in user's id, or null.</summary>
    public static Guid? UserId(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(OpenIddictConstants.Claims.Subject), out var id) ? id : null;
}
