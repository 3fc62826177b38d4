namespace Meshery.Testing.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    /// <summary>Number of watch connections open now.</summary>
    public int OpenWatchCount => _state.Store.WatcherCount;

    /// <summary>
    /// Answers 403 Forbidden (a Status naming the verb and resource) to <paramref name="verbs"/>
    /// (<c>list</c>, <c>watch</c>, <c>get</c>, <c>create</c>, ...; none = all) on <paramref name="resource"/>
    /// (<c>pods</c>, <c>deployments.apps</c>). Replaces an earlier rule for the same resource.
    /// </summary>
    public void Forbid(string resource, params string[] verbs)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        _state.Faults.Forbid(resource, verbs);
    }

    /// <summary>Lifts <see cref="Forbid"/> for one resource.</summary>
    public void Allow(string resource) => _state.Faults.Allow(resource);

    /// <summary>Lifts every <see cref="Forbid"/>.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>Resets every open watch connection mid-stream, as a network failure or API server crash would.</summary>
    public void DropWatchConnections() => _state.Store.ForEachWatcher(w => w.Abort());

    /// <summary>Ends every open watch cleanly after what is queued, as the server's watch timeout does.</summary>
    public void CloseWatchConnections() => _state.Store.ForEachWatcher(w => w.Close());

    /// <summary>Sends <paramref name="line"/> as-is, as one line, on every open watch (default: truncated JSON).</summary>
    public void SendRawWatchLine(string line = "{\"type\":\"ADDED\",\"object\":{\"kind\":")
    {
        ArgumentNullException.ThrowIfNull(line);
        _state.Store.ForEachWatcher(w => w.Publish(Watches.WatchItem.RawLine(line)));
    }

    /// <summary>Forgets watch history: resuming from any earlier resourceVersion now answers 410 Expired.</summary>
    public void CompactWatchHistory() => _state.Store.CompactHistory();

    /// <summary>Invalidates every list continue token: continuing answers 410 Expired.</summary>
    public void ExpireContinueTokens() => _state.Snapshots.Clear();

    /// <summary>Completes once at least <paramref name="count"/> watches are open.</summary>
    public Task WaitForWatchersAsync(int count, CancellationToken cancellationToken = default) =>
        _state.Store.WaitForWatchersAsync(count, cancellationToken);

    /// <summary>Requests received for <paramref name="path"/> (for example <c>/api/v1/pods</c>), any method or query.</summary>
    public long GetRequestCount(string path) => _state.Requests.Get(path);

    /// <summary>Requests received so far, by path.</summary>
    public IReadOnlyDictionary<string, long> GetRequestCounts() => _state.Requests.Snapshot();

    public void ResetRequestCounts() => _state.Requests.Reset();
}
