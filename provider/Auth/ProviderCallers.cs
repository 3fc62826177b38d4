using System.Security.Claims;
using Meshery.ExtensionPoints;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Auth;

/// <summary>The tenant a request acts for, from the principal the token check produced.</summary>
public static class ProviderCallers
{
    public static ProviderCaller? From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ProviderClaims.Subject), out var userId))
        {
            return null;
        }

        Guid? systemId = Guid.TryParse(user.FindFirstValue(ProviderClaims.SystemId), out var system) ? system : null;
        return new ProviderCaller(userId, user.FindFirstValue(ProviderClaims.Token), systemId);
    }
}
