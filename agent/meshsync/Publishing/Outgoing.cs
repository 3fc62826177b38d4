using Meshery.Agent.MeshSync.Discovery;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// One queued message: an event with its encoded resource, a reference to a stored object (resolved when it is
/// sent, so a resync never overtakes a newer event), or ready bytes for any subject.
/// </summary>
internal readonly record struct Outgoing(string Subject, string? EventType, StoredResource? Resource, KindStore? Store, string? Uid, byte[]? Payload)
{
    public static Outgoing Event(string eventType, StoredResource resource) => new(Messages.MeshSyncSubjects.Core, eventType, resource, null, null, null);

    public static Outgoing Reference(KindStore store, string uid) => new(Messages.MeshSyncSubjects.Core, Messages.MeshSyncEventTypes.Added, null, store, uid, null);

    public static Outgoing Raw(string subject, byte[] payload) => new(subject, null, null, null, null, payload);
}
