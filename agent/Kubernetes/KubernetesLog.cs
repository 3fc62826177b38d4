using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Kubernetes;

internal static partial class KubernetesLog
{
    [LoggerMessage(2401, LogLevel.Information, "Kubernetes connection {ConnectionId} ({Context}) is now {Status}: {Reason}")]
    public static partial void StatusChanged(ILogger logger, Guid connectionId, string context, string status, string reason);

    [LoggerMessage(2402, LogLevel.Warning, "The Kubernetes connection monitor failed; retrying")]
    public static partial void MonitorFailed(ILogger logger, Exception exception);

    [LoggerMessage(2403, LogLevel.Warning, "Discovery of cluster {ClusterId} ({Context}) is not started: the discovery module (or the broker it publishes to) is off")]
    public static partial void DiscoveryUnavailable(ILogger logger, string clusterId, string context);

    [LoggerMessage(2404, LogLevel.Information, "Started discovery of cluster {ClusterId} ({Context}) for connection {ConnectionId}")]
    public static partial void DiscoveryStarted(ILogger logger, string clusterId, string context, Guid connectionId);

    [LoggerMessage(2405, LogLevel.Information, "Stopped discovery for connection {ConnectionId}")]
    public static partial void DiscoveryStopped(ILogger logger, Guid connectionId);

    [LoggerMessage(2406, LogLevel.Warning, "Discovery for connection {ConnectionId} failed")]
    public static partial void DiscoveryFailed(ILogger logger, Guid connectionId, Exception exception);
}
