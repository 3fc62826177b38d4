namespace Meshery.Agent.MeshSync.Messages;

/// <summary>Values of <c>Request.Entity</c> on <see cref="MeshSyncSubjects.Request"/>.</summary>
public static class MeshSyncRequestEntities
{
    /// <summary>Send the whole store to <c>Payload.Reply</c> in batches of at most five objects.</summary>
    public const string InformerStore = "informer-store";

    /// <summary>Re-list every kind and re-publish everything.</summary>
    public const string ResyncDiscovery = "resync-discovery";

    /// <summary>Stream pod logs to <see cref="MeshSyncSubjects.Logs"/>.</summary>
    public const string LogStream = "log-stream";

    /// <summary>Answer on <see cref="MeshSyncSubjects.Meta"/> with the version string.</summary>
    public const string MeshSyncMeta = "meshsync-meta";

    public const string ExecRequest = "exec-request";
    public const string ActiveExec = "active-exec";
}
