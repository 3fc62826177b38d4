namespace Meshery.Agent.MeshSync.Messages;

/// <summary>Values of the envelope's <c>EventType</c>.</summary>
public static class MeshSyncEventTypes
{
    /// <summary>A store batch answering informer-store carries an empty EventType.</summary>
    public const string None = "";
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Error = "ERROR";
    public const string Resync = "RESYNC";

    /// <summary>The events a pipeline publishes by default.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [Added, Modified, Deleted];
}
