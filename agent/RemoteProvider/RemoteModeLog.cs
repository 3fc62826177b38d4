using Microsoft.Extensions.Logging;

namespace Meshery.Agent.RemoteProvider;

/// <summary>Remote mode's log lines (2701-2720). Tokens and cookies are never logged.</summary>
internal static partial class RemoteModeLog
{
    [LoggerMessage(2701, LogLevel.Information, "Fetched {Count} signing key(s) from the provider at {Provider}")]
    public static partial void KeysFetched(ILogger logger, int count, Uri provider);

    [LoggerMessage(2702, LogLevel.Information, "A session was refused: {Reason}")]
    public static partial void SessionRefused(ILogger logger, string reason);

    [LoggerMessage(2703, LogLevel.Information, "Refreshed the session of user {UserId}")]
    public static partial void SessionRefreshed(ILogger logger, Guid userId);

    [LoggerMessage(2704, LogLevel.Information, "User {UserId} signed in through the provider {Provider}")]
    public static partial void SignedIn(ILogger logger, Guid userId, string provider);

    [LoggerMessage(2705, LogLevel.Warning, "The sign-in callback was refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(2706, LogLevel.Information, "Registered this agent ({ServerId}) with the provider as connection {ConnectionId}")]
    public static partial void Registered(ILogger logger, Guid serverId, Guid connectionId);

    [LoggerMessage(2707, LogLevel.Warning, "Registering this agent with the provider failed")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(2708, LogLevel.Information, "User {UserId} signed out; the provider answered {Status}")]
    public static partial void SignedOut(ILogger logger, Guid? userId, int status);

    [LoggerMessage(2709, LogLevel.Warning, "The provider could not revoke the refresh token on sign-out: {Reason}")]
    public static partial void RevokeFailed(ILogger logger, string reason);

    [LoggerMessage(2710, LogLevel.Warning, "The provider's capabilities could not be loaded at start: {Reason}")]
    public static partial void CapabilitiesUnavailable(ILogger logger, string reason);
}
