using System.Collections.Immutable;
using Meshery.Testing.Kubernetes.Watches;

namespace Meshery.Testing.Kubernetes.Storage;

/// <summary>What a new watch starts with: current objects (no resourceVersion) or history to replay.</summary>
internal sealed record WatchStart(
    ImmutableList<StoredObject> Initial,
    IReadOnlyList<WatchEvent> Replay,
    long TooOldBefore,
    long ResourceVersion = 0)
{
    public bool IsTooOld => TooOldBefore > 0;
}

internal sealed partial class ObjectStore
{
    private TaskCompletionSource _watchersChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watcherCount;

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watcherCount;
            }
        }
    }

    /// <summary>
    /// Registers a watcher. Without <paramref name="fromResourceVersion"/> it starts with every current
    /// object; with one it replays the history after it, or is too old when that history is gone.
    /// </summary>
    public WatchStart Subscribe(WatchSubscription watcher, long? fromResourceVersion)
    {
        lock (_gate)
        {
            var table = TableFor(watcher.Type);
            if (fromResourceVersion is long from && from < table.HistoryStartRv)
            {
                return new WatchStart([], [], table.HistoryStartRv);
            }

            var start = fromResourceVersion is long after
                ? new WatchStart([], table.EventsAfter(after), 0, _resourceVersion)
                : new WatchStart(table.Items, [], 0, _resourceVersion);
            table.Watchers.Add(watcher);
            _watcherCount++;
            PulseWatchers();
            return start;
        }
    }

    public void Unsubscribe(WatchSubscription watcher)
    {
        lock (_gate)
        {
            foreach (var table in _tables.Values)
            {
                if (table.Watchers.Remove(watcher))
                {
                    _watcherCount--;
                    PulseWatchers();
                    return;
                }
            }
        }
    }

    /// <summary>Queues a BOOKMARK behind every event already queued, so its resourceVersion is safe to resume from.</summary>
    public void EnqueueBookmark(WatchSubscription watcher)
    {
        lock (_gate)
        {
            watcher.Publish(WatchItem.Bookmark(_resourceVersion));
        }
    }

    /// <summary>Runs <paramref name="action"/> on every open watcher, outside the lock (aborting runs callbacks inline).</summary>
    public void ForEachWatcher(Action<WatchSubscription> action)
    {
        List<WatchSubscription> watchers;
        lock (_gate)
        {
            watchers = [.. _tables.Values.SelectMany(t => t.Watchers)];
        }

        foreach (var watcher in watchers)
        {
            action(watcher);
        }
    }

    /// <summary>Forgets all watch history: any watch from an older resourceVersion now gets 410.</summary>
    public void CompactHistory()
    {
        lock (_gate)
        {
            foreach (var table in _tables.Values)
            {
                table.Compact(_resourceVersion);
            }
        }
    }

    public async Task WaitForWatchersAsync(int minimum, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_watcherCount >= minimum)
                {
                    return;
                }

                changed = _watchersChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void PulseWatchers()
    {
        var previous = _watchersChanged;
        _watchersChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
