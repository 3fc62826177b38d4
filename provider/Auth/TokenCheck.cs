using System.Security.Claims;

namespace Meshery.Provider.Auth;

/// <summary>The outcome of validating a presented token.</summary>
public sealed record TokenCheck(bool IsValid, ClaimsPrincipal? Principal, Guid UserId, string? Failure)
{
    public static TokenCheck Success(ClaimsPrincipal principal, Guid userId) => new(true, principal, userId, null);

    public static TokenCheck Fail(string reason) => new(false, null, Guid.Empty, reason);
}
