using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Watches;

internal enum WatchItemKind
{
    Event,
    Bookmark,
    Raw,
}

/// <summary>What travels through a watcher's channel: an event, a bookmark, or a raw line injected by a test.</summary>
internal readonly record struct WatchItem(WatchItemKind Kind, WatchEvent? Event, long ResourceVersion, string? Raw)
{
    public static WatchItem ForEvent(WatchEvent change) => new(WatchItemKind.Event, change, change.ResourceVersion, null);

    public static WatchItem Bookmark(long resourceVersion) => new(WatchItemKind.Bookmark, null, resourceVersion, null);

    public static WatchItem RawLine(string line) => new(WatchItemKind.Raw, null, 0, line);
}
