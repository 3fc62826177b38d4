namespace Meshery.Agent.MeshSync.Messages;

/// <summary>Values of the envelope's <c>ObjectType</c>.</summary>
public static class MeshSyncObjectTypes
{
    /// <summary>A store batch answering informer-store carries an empty ObjectType.</summary>
    public const string None = "";
    public const string MeshSyncData = "meshsync-data";
    public const string RequestPayload = "request-payload";
    public const string LogStream = "log-stream";
    public const string SmiData = "smi-data";
    public const string Error = "error";
    public const string ExecInput = "exec-input";
    public const string ExecOutput = "exec-output";
    public const string ActiveExec = "active-exec";
}
