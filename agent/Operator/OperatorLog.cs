using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Operator;

internal static partial class OperatorLog
{
    [LoggerMessage(2601, LogLevel.Information, "{Identity} became the operator's leader (lease {Namespace}/{Lease})")]
    public static partial void BecameLeader(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(2602, LogLevel.Warning, "{Identity} lost the operator's lease {Namespace}/{Lease}; reconciling stops")]
    public static partial void LostLease(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(2603, LogLevel.Warning, "Lease {Namespace}/{Lease} could not be read or written: {Reason}")]
    public static partial void LeaseError(ILogger logger, string @namespace, string lease, string reason);

    [LoggerMessage(2604, LogLevel.Debug, "Reconciled {Kind} {Namespace}/{Name}")]
    public static partial void Reconciled(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(2605, LogLevel.Warning, "Reconciling {Kind} {Namespace}/{Name} failed, retrying in {Delay}")]
    public static partial void ReconcileFailed(ILogger logger, string kind, string @namespace, string name, TimeSpan delay, Exception exception);

    [LoggerMessage(2606, LogLevel.Warning, "Watching {Path} failed, retrying in {Delay}: {Reason}")]
    public static partial void WatchFailed(ILogger logger, string path, TimeSpan delay, string reason);

    [LoggerMessage(2607, LogLevel.Information, "Cleaned up {Kind} {Namespace}/{Name}")]
    public static partial void CleanedUp(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(2608, LogLevel.Information, "The operator gave up lease {Namespace}/{Lease}")]
    public static partial void Released(ILogger logger, string @namespace, string lease);
}
