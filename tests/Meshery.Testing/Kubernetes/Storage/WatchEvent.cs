namespace Meshery.Testing.Kubernetes.Storage;

internal enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
}

/// <summary>A committed change; <see cref="Previous"/> lets label-filtered watchers turn edits into ADDED/DELETED.</summary>
internal sealed record WatchEvent(WatchEventKind Kind, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
