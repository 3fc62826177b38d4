namespace Meshery.Agent.MeshSync.Messages;

/// <summary>Builders for the messages MeshSync sends.</summary>
public static class MeshSyncMessage
{
    /// <summary>A resource event for <see cref="MeshSyncSubjects.Core"/>: ObjectType <c>meshsync-data</c>.</summary>
    public static MeshSyncMessage<KubernetesResource> Data(string eventType, KubernetesResource resource) => new()
    {
        ObjectType = MeshSyncObjectTypes.MeshSyncData,
        EventType = eventType,
        Object = resource,
    };

    /// <summary>One informer-store batch: empty ObjectType and EventType, Object = the objects (at most five).</summary>
    public static MeshSyncMessage<IReadOnlyList<KubernetesResource>> StoreBatch(IReadOnlyList<KubernetesResource> resources) => new()
    {
        ObjectType = MeshSyncObjectTypes.None,
        EventType = MeshSyncEventTypes.None,
        Object = resources,
    };

    /// <summary>A log chunk for <see cref="MeshSyncSubjects.Logs"/>: ObjectType <c>log-stream</c>, EventType ADDED.</summary>
    public static MeshSyncMessage<LogObject> Log(LogObject chunk) => new()
    {
        ObjectType = MeshSyncObjectTypes.LogStream,
        EventType = MeshSyncEventTypes.Added,
        Object = chunk,
    };

    /// <summary>The meshsync-meta answer: Object is the version string.</summary>
    public static MeshSyncMessage<string> Meta(string version) => new() { Object = version };

    /// <summary>A request to MeshSync (what the server sends on <see cref="MeshSyncSubjects.Request"/>).</summary>
    public static MeshSyncMessage<System.Text.Json.JsonElement?> ForRequest(MeshSyncRequest request) => new()
    {
        ObjectType = MeshSyncObjectTypes.RequestPayload,
        Request = request,
    };
}
