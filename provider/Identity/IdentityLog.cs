using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Identity;

/// <summary>Sign-in events (Provider 14xx). Never logs passwords, tokens or e-mail addresses.</summary>
public static partial class IdentityLog
{
    [LoggerMessage(1400, LogLevel.Information, "Account {UserId} signed up.")]
    public static partial void SignedUp(ILogger logger, Guid userId);

    [LoggerMessage(1401, LogLevel.Warning, "Account {UserId} is locked out after repeated failed sign-ins.")]
    public static partial void LockedOut(ILogger logger, Guid userId);

    [LoggerMessage(1402, LogLevel.Information, "Registered client {ClientId} ({Kind}).")]
    public static partial void ClientRegistered(ILogger logger, string clientId, string kind);

    [LoggerMessage(1403, LogLevel.Warning, "Refused a redirect to an unregistered callback.")]
    public static partial void UnregisteredCallback(ILogger logger);

    [LoggerMessage(1404, LogLevel.Warning, "The token endpoint refused an in-process request: {Error} {Description}")]
    public static partial void InProcessTokenFailed(ILogger logger, string? error, string? description);

    [LoggerMessage(1405, LogLevel.Information, "Issued a token to anonymous user {UserId}.")]
    public static partial void AnonymousUserIssued(ILogger logger, Guid userId);

    [LoggerMessage(1406, LogLevel.Information, "Linked an external identity to new account {UserId}.")]
    public static partial void ExternalLinked(ILogger logger, Guid userId);

    [LoggerMessage(1407, LogLevel.Warning, "Refused an external sign-in callback for {Provider}: {Reason}")]
    public static partial void ExternalRefused(ILogger logger, string provider, string reason);
}
