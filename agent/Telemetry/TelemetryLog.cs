using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Telemetry;

/// <summary>Telemetry connection events (2801-2899). URLs and reasons only: keys and passwords are never logged.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(2801, LogLevel.Information, "Connected {Kind} server {Url} as connection {ConnectionId}")]
    public static partial void Connected(ILogger logger, string kind, Uri url, Guid connectionId);

    [LoggerMessage(2802, LogLevel.Information, "The {Kind} server {Url} failed its connectivity test: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string kind, Uri url, string reason);

    [LoggerMessage(2803, LogLevel.Information, "{Kind} connection {ConnectionId} is now {Status}: {Reason}")]
    public static partial void StatusChanged(ILogger logger, string kind, Guid connectionId, string status, string reason);

    [LoggerMessage(2804, LogLevel.Warning, "The telemetry connection check failed for user {UserId}; it runs again at the next interval")]
    public static partial void MonitorFailed(ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(2805, LogLevel.Information, "Disconnected {Kind} connection {ConnectionId}; its credential {CredentialId} is deleted too")]
    public static partial void Disconnected(ILogger logger, string kind, Guid connectionId, Guid? credentialId);

    [LoggerMessage(2806, LogLevel.Information, "A call through {Kind} connection {ConnectionId} failed ({Failure}): {Reason}")]
    public static partial void UpstreamFailed(ILogger logger, string kind, Guid connectionId, UpstreamFailure failure, string reason);
}
