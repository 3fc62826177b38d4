using System.Collections.Concurrent;
using k8s;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;
using Meshery.Agent.MeshSync.Requests;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// MeshSync for one cluster: an informer per discovered kind (defaults the API server offers, plus one per CRD),
/// the watch-list configuration applied live, every change published to <c>meshery.meshsync.core</c>, requests
/// answered on <c>meshery.meshsync.request</c>. Survives an absent or lost broker and API server without
/// restarting; after the broker returns it re-publishes the store.
/// </summary>
public sealed partial class ClusterDiscovery : IAsyncDisposable, IInformerSink
{
    private static readonly ResourceKey CrdKey = new("customresourcedefinitions", "v1", "apiextensions.k8s.io");
    private static readonly ResourceKey ConfigKey = new("meshsyncs", "v1alpha1", "meshery.io");

    private readonly KubeApi _api;
    private readonly INatsConnection _nats;
    private readonly MeshSyncOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResourceEncoder _encoder;
    private readonly InformerSettings _settings;
    private readonly MeshSyncPublisher _publisher;
    private readonly MeshSyncRequestHandler _requests;
    private readonly ConcurrentDictionary<ResourceKey, ResourceInformer> _informers = new();
    private readonly ConcurrentDictionary<string, ResourceType> _crdKinds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reconcile = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _initialList = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<ResourceType>? _served;
    private ResourceInformer? _configInformer;
    private volatile WatchListConfig _config = WatchListConfig.Default;
    private string? _configUid;
    private Task _run = Task.CompletedTask;
    private bool _started;
    private int _stopped;

    private ClusterDiscovery(IKubernetes client, string clusterId, MeshSyncOptions options, INatsConnection nats, ILogger logger, TimeProvider time)
    {
        _api = new KubeApi(client);
        _nats = nats;
        _options = options;
        _logger = logger;
        _time = time;
        ClusterId = clusterId;
        _encoder = new ResourceEncoder(clusterId, options.RedactSecrets, options.MaxMessageBytes - MessageEnvelope.Overhead);
        _settings = new InformerSettings(
            options.ListPageSize, options.ListTimeout, options.WatchTimeout, options.BackoffInitial, options.BackoffMax,
            options.ForbiddenRetryInterval, options.BackoffMax);
        _publisher = new MeshSyncPublisher(nats, options.PublishBufferCapacity, options.MaxMessageBytes, options.RecentDeleteCapacity, logger, time)
        {
            Reconnected = ResyncAfterReconnectAsync,
        };
        _requests = new MeshSyncRequestHandler(this, _api, nats, options, logger, time);
    }

    /// <summary>
    /// Creates discovery for the cluster <paramref name="client"/> reaches (a <c>k8s.Kubernetes</c>). Nothing runs
    /// until <see cref="StartAsync"/>. <paramref name="clusterId"/> is normally <see cref="ReadClusterIdAsync"/>.
    /// </summary>
    public static ClusterDiscovery Create(IKubernetes client, string clusterId, MeshSyncOptions options, INatsConnection nats, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nats);
        ArgumentNullException.ThrowIfNull(logger);
        return new ClusterDiscovery(client, clusterId, options, nats, logger, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The cluster id upstream uses: the UID of the <c>kube-system</c> namespace.</summary>
    public static async Task<string> ReadClusterIdAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ns = await client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: cancellationToken).ConfigureAwait(false);
        return ns.Metadata.Uid;
    }

    public string ClusterId { get; }

    /// <summary>The watch-list in force.</summary>
    public WatchListConfig WatchList => _config;

    /// <summary>Completes once the broker is connected and every kind has finished its first list.</summary>
    public Task InitialListCompleted => _initialList.Task;

    public DiscoveryStatus Status => new(
        ClusterId,
        _started,
        _publisher.Connected,
        _initialList.Task.IsCompleted,
        _config.ToString(),
        _informers.Values.ToDictionary(i => i.Type.Key.ToString(), i => i.Status, StringComparer.Ordinal));

    /// <summary>Messages handed to the broker on <c>meshery.meshsync.core</c> so far.</summary>
    public long PublishedCount => _publisher.Published;

    /// <summary>Starts the publisher, the request listener and discovery in the background; returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_started)
        {
            return Task.CompletedTask;
        }

        _started = true;
        _publisher.Start();
        _requests.Start(_stop.Token);
        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        await _requests.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_informers.Values.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
        _informers.Clear();
        if (_configInformer is not null)
        {
            await _configInformer.DisposeAsync().ConfigureAwait(false);
        }

        await _publisher.DisposeAsync().ConfigureAwait(false);
        MeshSyncLog.DiscoveryStopped(_logger, ClusterId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _reconcile.Dispose();
    }

    /// <summary>LISTs made for <paramref name="resourceKey"/> by its current informer (0 when it has none).</summary>
    public long GetListCount(string resourceKey) =>
        ResourceKey.TryParse(resourceKey, out var key) && _informers.TryGetValue(key, out var informer) ? informer.ListCount : 0;

    /// <summary>The kinds being discovered now.</summary>
    public IReadOnlyCollection<string> WatchedKinds => _informers.Keys.Select(k => k.ToString()).ToList();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectBrokerAsync(cancellationToken).ConfigureAwait(false);
            // The watch-list config and the served kinds are read at once; both are needed before any kind starts.
            var config = LoadConfigAsync(cancellationToken);
            _served = await DiscoverServedAsync(cancellationToken).ConfigureAwait(false);
            await config.ConfigureAwait(false);
            await WaitForBrokerAsync(_options.BrokerStartWait, cancellationToken).ConfigureAwait(false);
            await ReconcileAsync(cancellationToken).ConfigureAwait(false);
            MeshSyncLog.DiscoveryStarted(_logger, ClusterId, _informers.Count, _config.ToString());
            await Task.WhenAll(_informers.Values.Select(i => i.FirstList)).WaitAsync(cancellationToken).ConfigureAwait(false);
            while (!_publisher.Connected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
            }

            await _requests.Subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);

            _initialList.TrySetResult();
            if (_options.ResyncInterval > TimeSpan.Zero)
            {
                using var timer = new PeriodicTimer(_options.ResyncInterval, _time);
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    await ResyncAsync(relist: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Waits up to <paramref name="wait"/> for the broker connection (see <see cref="MeshSyncOptions.BrokerStartWait"/>).</summary>
    private async Task WaitForBrokerAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (!_publisher.Connected && _time.GetElapsedTime(started) < wait)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the broker connection in the background, retrying with backoff; NATS.Net reconnects by itself after that.</summary>
    private Task ConnectBrokerAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
                while (!cancellationToken.IsCancellationRequested && _nats.ConnectionState != NatsConnectionState.Open)
                {
                    try
                    {
                        await _nats.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is NatsException or TimeoutException or IOException or InvalidOperationException)
                    {
                        MeshSyncLog.BrokerUnavailable(_logger, e.Message);
                        await Task.Delay(backoff.Next(), _time, cancellationToken).ConfigureAwait(false);
                    }
                }
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<ResourceType>> DiscoverServedAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.BackoffInitial, _options.BackoffMax);
        while (true)
        {
            try
            {
                return await ApiDiscovery.ServedAsync(_api, _options.ListTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                MeshSyncLog.ApiDiscoveryFailed(_logger, e.Message);
                await Task.Delay(backoff.Next(), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ResourceInformer NewInformer(ResourceType type, string? namespaceScope = null, InformerSettings? settings = null) =>
        new(_api, type, namespaceScope, this, _encoder, settings ?? _settings, _logger, _time);
}
