namespace Meshery.Agent.MeshSync.Messages;

/// <summary>NATS subjects and connection names MeshSync uses (upstream's values).</summary>
public static class MeshSyncSubjects
{
    /// <summary>Resource events: every ADDED, MODIFIED and DELETED object.</summary>
    public const string Core = "meshery.meshsync.core";

    /// <summary>Requests to MeshSync (informer-store, resync-discovery, log-stream, meshsync-meta).</summary>
    public const string Request = "meshery.meshsync.request";

    /// <summary>Pod log chunks answering a log-stream request.</summary>
    public const string Logs = "meshery.meshsync.logs";

    /// <summary>Interactive exec output (not implemented here).</summary>
    public const string Exec = "meshery.meshsync.exec";

    /// <summary>The answer to a meshsync-meta request (the version string).</summary>
    public const string Meta = "meshsync-meta";

    /// <summary>The reply subject upstream's server names in its informer-store request.</summary>
    public const string ServerStoreReply = "meshery-server.meshsync.store";

    /// <summary>Connection name of the main MeshSync connection (the broker's <c>/connz</c> lists it).</summary>
    public const string ConnectionName = "meshsync";
}
