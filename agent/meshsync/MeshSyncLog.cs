using Microsoft.Extensions.Logging;

namespace Meshery.Agent.MeshSync;

/// <summary>MeshSync's log messages (event ids 3xxx). Never logs object contents or secrets.</summary>
internal static partial class MeshSyncLog
{
    [LoggerMessage(3001, LogLevel.Information, "MeshSync discovery of cluster {ClusterId} started ({Kinds} kinds, watch-list {WatchList})")]
    public static partial void DiscoveryStarted(ILogger logger, string clusterId, int kinds, string watchList);

    [LoggerMessage(3002, LogLevel.Information, "MeshSync discovery of cluster {ClusterId} stopped")]
    public static partial void DiscoveryStopped(ILogger logger, string clusterId);

    [LoggerMessage(3003, LogLevel.Information, "Watching {Resource}")]
    public static partial void KindStarted(ILogger logger, string resource);

    [LoggerMessage(3004, LogLevel.Information, "Stopped watching {Resource}")]
    public static partial void KindStopped(ILogger logger, string resource);

    [LoggerMessage(3005, LogLevel.Information, "Watch of {Resource} expired at resourceVersion {ResourceVersion}; re-listing")]
    public static partial void WatchExpired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(3006, LogLevel.Warning, "Listing or watching {Resource} is forbidden; retrying later: {Message}")]
    public static partial void KindForbidden(ILogger logger, string resource, string message);

    [LoggerMessage(3007, LogLevel.Warning, "Informer of {Resource} failed ({Error}): {Message}; backing off")]
    public static partial void InformerFailed(ILogger logger, string resource, string error, string message);

    [LoggerMessage(3008, LogLevel.Warning, "Object {Uid} of {Resource} was trimmed to {Bytes} bytes to fit a message")]
    public static partial void ResourceTrimmed(ILogger logger, string resource, string uid, int bytes);

    [LoggerMessage(3009, LogLevel.Warning, "A {Bytes}-byte message to {Subject} exceeds the broker's limit of {Limit} bytes and was dropped")]
    public static partial void MessageTooLarge(ILogger logger, string subject, int bytes, long limit);

    [LoggerMessage(3010, LogLevel.Information, "Broker connected; re-publishing the store ({Objects} objects, {Deletes} recent deletions)")]
    public static partial void Resyncing(ILogger logger, int objects, int deletes);

    [LoggerMessage(3011, LogLevel.Warning, "Broker unavailable ({Message}); retrying")]
    public static partial void BrokerUnavailable(ILogger logger, string message);

    [LoggerMessage(3012, LogLevel.Information, "Watch-list configuration is now {WatchList}")]
    public static partial void ConfigApplied(ILogger logger, string watchList);

    [LoggerMessage(3013, LogLevel.Warning, "Watch-list configuration {Namespace}/{Name} is malformed, keeping {WatchList}: {Message}")]
    public static partial void ConfigInvalid(ILogger logger, string @namespace, string name, string watchList, string message);

    [LoggerMessage(3014, LogLevel.Information, "Request {Entity} received")]
    public static partial void RequestReceived(ILogger logger, string entity);

    [LoggerMessage(3015, LogLevel.Warning, "Request could not be handled: {Message}")]
    public static partial void RequestFailed(ILogger logger, string message);

    [LoggerMessage(3016, LogLevel.Information, "Sent {Objects} objects in {Messages} messages to {Subject}")]
    public static partial void StoreSent(ILogger logger, int objects, int messages, string subject);

    [LoggerMessage(3017, LogLevel.Warning, "Log stream {Stream} failed: {Message}")]
    public static partial void LogStreamFailed(ILogger logger, string stream, string message);

    [LoggerMessage(3018, LogLevel.Warning, "Discovery of served kinds failed: {Message}; retrying")]
    public static partial void ApiDiscoveryFailed(ILogger logger, string message);

    [LoggerMessage(3019, LogLevel.Information, "MeshSync health endpoint listening on port {Port}")]
    public static partial void HealthListening(ILogger logger, int port);

    [LoggerMessage(3020, LogLevel.Error, "MeshSync could not start for the configured cluster: {Message}; retrying")]
    public static partial void StartFailed(ILogger logger, string message);

    [LoggerMessage(3021, LogLevel.Warning, "Publishing to {Subject} failed: {Message}")]
    public static partial void PublishFailed(ILogger logger, string subject, string message);
}
