using System.Text.Json;
using Meshery.Agent.MeshSync.Publishing;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// List-then-watch for one kind (after yarp's ResourceInformer): pages the LIST, watches from the last
/// resourceVersion with bookmarks, re-lists on 410 Gone, reconnects with exponential backoff, reports 403 as
/// <see cref="InformerState.Forbidden"/> and retries slowly. Its store maps uid to resourceVersion, so an
/// unchanged object is never handed on again, also after a re-list. Never throws out of its loop.
/// </summary>
internal sealed partial class ResourceInformer : IAsyncDisposable
{
    private readonly KubeApi _api;
    private readonly IInformerSink _sink;
    private readonly ResourceEncoder _encoder;
    private readonly InformerSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;
    private readonly TaskCompletionSource _firstList = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _watchStop;
    private Task _loop = Task.CompletedTask;
    private string _resourceVersion = string.Empty;
    private volatile KindStatus _status;
    private int _relistRequested;
    private long _lists;

    public ResourceInformer(
        KubeApi api,
        ResourceType type,
        string? namespaceScope,
        IInformerSink sink,
        ResourceEncoder encoder,
        InformerSettings settings,
        ILogger logger,
        TimeProvider time)
    {
        _api = api;
        _sink = sink;
        _encoder = encoder;
        _settings = settings;
        _logger = logger;
        _time = time;
        Store = new KindStore(type, encoder);
        Path = namespaceScope is null
            ? type.Key.CollectionPath
            : type.Key.CollectionPath.Replace($"/{type.Key.Plural}", $"/namespaces/{namespaceScope}/{type.Key.Plural}", StringComparison.Ordinal);
        _backoff = new Backoff(settings.BackoffInitial, settings.BackoffMax);
        _status = new KindStatus(type.Key.ToString(), InformerState.Pending, 0, null, time.GetUtcNow(), false);
    }

    public ResourceType Type => Store.Type;

    public KindStore Store { get; }

    /// <summary>The collection path listed and watched (cluster-wide, or one namespace).</summary>
    public string Path { get; }

    public KindStatus Status => _status with { Objects = Store.Count };

    /// <summary>Completes after the first list succeeded or was refused (403/404): the kind no longer holds up readiness.</summary>
    public Task FirstList => _firstList.Task;

    /// <summary>How many LISTs (complete, all pages) this informer has made.</summary>
    public long ListCount => Interlocked.Read(ref _lists);

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Re-lists now (ending the current watch); unchanged objects are not handed on again.</summary>
    public void RequestRelist()
    {
        Interlocked.Exchange(ref _relistRequested, 1);
        try
        {
            _watchStop?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the watch ended meanwhile; the flag is seen before the next one
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        SetStatus(InformerState.Stopped, null);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList || Interlocked.Exchange(ref _relistRequested, 0) == 1)
                {
                    Interlocked.Exchange(ref _relistRequested, 0);
                    SetStatus(InformerState.Listing, null);
                    _resourceVersion = await ListAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                    _backoff.Reset();
                    Interlocked.Increment(ref _lists);
                    MarkSynced();
                    _sink.OnListed(this);
                }

                SetStatus(InformerState.Watching, null);
                var started = _time.GetTimestamp();
                var outcome = await WatchOnceAsync(cancellationToken).ConfigureAwait(false);
                if (outcome == WatchOutcome.Gone)
                {
                    MeshSyncLog.WatchExpired(_logger, Type.Key.ToString(), _resourceVersion);
                    needList = true;
                }
                else if (outcome == WatchOutcome.Closed && _time.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
                {
                    // a watch that ends at once, again and again, must not spin: rate-limit the reconnects
                    await DelayAsync(_backoff.Next(), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException) when (Volatile.Read(ref _relistRequested) == 1)
            {
                needList = true;
            }
            catch (KubeApiException e) when (e.IsGone)
            {
                // an expired continue token during a paged LIST: start the list again
                MeshSyncLog.WatchExpired(_logger, Type.Key.ToString(), _resourceVersion);
                needList = true;
            }
            catch (KubeApiException e) when (e.IsForbidden)
            {
                SetStatus(InformerState.Forbidden, e.Message);
                MeshSyncLog.KindForbidden(_logger, Type.Key.ToString(), e.Message);
                MarkSynced();
                needList = true;
                await DelayQuietlyAsync(_settings.ForbiddenRetry, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                SetStatus(InformerState.NotFound, e.Message);
                MarkSynced();
                needList = true;
                await DelayQuietlyAsync(_settings.NotFoundRetry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or JsonException or OperationCanceledException or InvalidOperationException)
            {
                SetStatus(InformerState.Failing, e.Message);
                MeshSyncLog.InformerFailed(_logger, Type.Key.ToString(), e.GetType().Name, e.Message);
                needList |= _resourceVersion.Length == 0;
                await DelayQuietlyAsync(_backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void MarkSynced()
    {
        _firstList.TrySetResult();
        _status = _status with { Synced = true };
    }

    private void SetStatus(InformerState state, string? message)
    {
        var current = _status;
        if (current.State != state || current.Message != message)
        {
            _status = current with { State = state, Message = message, Since = _time.GetUtcNow() };
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _time, cancellationToken);

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _watchStop = linked;
            if (Volatile.Read(ref _relistRequested) == 0)
            {
                await DelayAsync(delay, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // a re-list was requested: retry now
        }
        finally
        {
            _watchStop = null;
        }
    }

    private enum WatchOutcome
    {
        Closed,
        Gone,
    }
}
