using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

internal sealed partial class ResourceInformer
{
    /// <summary>Watches from <see cref="_resourceVersion"/> until the server closes the stream or answers 410.</summary>
    private async Task<WatchOutcome> WatchOnceAsync(CancellationToken cancellationToken)
    {
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _watchStop = watchStop;
        try
        {
            if (Volatile.Read(ref _relistRequested) == 1)
            {
                throw new OperationCanceledException("re-list requested");
            }

            // jitter spreads the watches' server-side timeouts so they do not all reconnect at once
            var timeout = _settings.WatchTimeout * (0.9 + (Random.Shared.NextDouble() * 0.2));
            await foreach (var line in _api.WatchAsync(Path, _resourceVersion, timeout, watchStop.Token).ConfigureAwait(false))
            {
                using (line)
                {
                    if (await HandleEventAsync(line.RootElement, watchStop.Token).ConfigureAwait(false) is { } outcome)
                    {
                        return outcome;
                    }
                }
            }

            return WatchOutcome.Closed;
        }
        finally
        {
            _watchStop = null;
        }
    }

    /// <summary>Applies one watch event; returns an outcome when the watch must end.</summary>
    private async ValueTask<WatchOutcome?> HandleEventAsync(JsonElement line, CancellationToken cancellationToken)
    {
        var type = line.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!line.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (type == "ERROR")
        {
            var (code, reason, message) = KubeApi.ReadStatus(obj, 500);
            if (code == 410)
            {
                return WatchOutcome.Gone;
            }

            throw new KubeApiException(code, reason, $"watch {Path}: {code} {reason} {message}".TrimEnd());
        }

        if (type == "BOOKMARK")
        {
            if (obj.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var rv) && rv.GetString() is { Length: > 0 } version)
            {
                _resourceVersion = version;
            }

            return null;
        }

        var identity = Identity(obj);
        if (identity is not { } id)
        {
            return null;
        }

        switch (type)
        {
            case "ADDED":
            case "MODIFIED":
                await UpsertAsync(obj, id.Uid, id.ResourceVersion, type, cancellationToken).ConfigureAwait(false);
                break;
            case "DELETED":
                if (Store.Remove(id.Uid))
                {
                    // the event carries the object's last state: what is published, not what was stored
                    var json = _encoder.Encode(obj, Type, out _);
                    await _sink.OnChangeAsync(this, MeshSyncEventTypes.Deleted, new StoredResource(id.Uid, id.ResourceVersion, json), obj, cancellationToken)
                        .ConfigureAwait(false);
                }

                break;
        }

        // every event moves the resume point forward
        if (id.ResourceVersion.Length > 0)
        {
            _resourceVersion = id.ResourceVersion;
        }

        _backoff.Reset();
        return null;
    }
}
