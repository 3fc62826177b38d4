using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Broker;

internal static partial class BrokerLog
{
    [LoggerMessage(2201, LogLevel.Information, "Started nats-server (pid {Pid}) on {Url}, monitoring on port {MonitorPort}")]
    public static partial void ChildStarted(ILogger logger, int pid, string url, int monitorPort);

    [LoggerMessage(2202, LogLevel.Information, "A broker already listens on {Url}; using it instead of starting nats-server")]
    public static partial void UsingExisting(ILogger logger, string url);

    [LoggerMessage(2203, LogLevel.Error, "Cannot start nats-server: {Reason}")]
    public static partial void ChildFailed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(2204, LogLevel.Warning, "nats-server (pid {Pid}) exited with code {Code}")]
    public static partial void ChildExited(ILogger logger, int pid, int code);

    [LoggerMessage(2205, LogLevel.Information, "Stopped nats-server (pid {Pid})")]
    public static partial void ChildStopped(ILogger logger, int pid);

    [LoggerMessage(2206, LogLevel.Information, "Connected to broker {Url}")]
    public static partial void Connected(ILogger logger, string url);

    [LoggerMessage(2207, LogLevel.Warning, "Disconnected from broker {Url}: {Reason}")]
    public static partial void Disconnected(ILogger logger, string url, string reason);

    [LoggerMessage(2208, LogLevel.Debug, "nats-server: {Line}")]
    public static partial void ChildOutput(ILogger logger, string line);
}
