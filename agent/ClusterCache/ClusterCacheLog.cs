using Microsoft.Extensions.Logging;

namespace Meshery.Agent.ClusterCache;

internal static partial class ClusterCacheLog
{
    [LoggerMessage(2301, LogLevel.Information, "Created the cluster cache schema in {Path} (found version {Found}, now {Version})")]
    public static partial void SchemaCreated(ILogger logger, string path, int found, int version);

    [LoggerMessage(2302, LogLevel.Warning, "Cluster cache database error {Code} on {Path}")]
    public static partial void DatabaseError(ILogger logger, int code, string path, Exception exception);

    [LoggerMessage(2303, LogLevel.Error, "The cluster cache writer failed; retrying")]
    public static partial void WriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(2304, LogLevel.Warning, "Dropped a MeshSync message on {Subject} that could not be read: {Reason}")]
    public static partial void BadMessage(ILogger logger, string subject, string reason);

    [LoggerMessage(2305, LogLevel.Information, "Asked MeshSync for its store (generation {Generation}), answers on {Reply}")]
    public static partial void StoreRequested(ILogger logger, long generation, string reply);

    [LoggerMessage(2306, LogLevel.Information, "Store answer of cluster {ClusterId} complete ({Count} objects); removing the rows it did not name")]
    public static partial void StoreComplete(ILogger logger, string clusterId, long count);

    [LoggerMessage(2307, LogLevel.Warning, "The cluster cache subscription failed; resubscribing")]
    public static partial void SubscriptionFailed(ILogger logger, Exception exception);

    [LoggerMessage(2308, LogLevel.Warning, "Could not ask MeshSync for its store: {Reason}")]
    public static partial void StoreRequestFailed(ILogger logger, string reason);
}
