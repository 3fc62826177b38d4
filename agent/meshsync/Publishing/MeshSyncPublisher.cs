using System.Threading.Channels;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Publishing;

/// <summary>
/// The one writer to <c>meshery.meshsync.core</c>: a bounded queue drained in order. While the broker is away
/// nothing is queued (events are covered by the resync that follows) except deletions, which are remembered
/// (bounded) and re-sent; when the connection opens again <see cref="Reconnected"/> asks for a resync.
/// </summary>
internal sealed class MeshSyncPublisher : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly INatsConnection _nats;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxMessageBytes;
    private readonly Channel<Outgoing> _queue;
    private readonly RecentDeletes _recentDeletes;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;
    private Task _monitor = Task.CompletedTask;
    private volatile bool _dirty;
    private long _published;
    private int _opens;

    public MeshSyncPublisher(INatsConnection nats, int capacity, int maxMessageBytes, int recentDeleteCapacity, ILogger logger, TimeProvider time)
    {
        _nats = nats;
        _logger = logger;
        _time = time;
        _maxMessageBytes = maxMessageBytes;
        _recentDeletes = new RecentDeletes(recentDeleteCapacity);
        _queue = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Raised (on the monitor's thread) when the broker connection opens after an outage or after messages were dropped.</summary>
    public Func<CancellationToken, Task>? Reconnected { get; set; }

    public bool Connected => _nats.ConnectionState == NatsConnectionState.Open;

    /// <summary>Messages handed to the broker so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    public RecentDeletes RecentDeletes => _recentDeletes;

    public void Start()
    {
        _nats.ConnectionOpened += OnOpened;
        _pump = Task.Run(() => PumpAsync(_stop.Token));
        _monitor = Task.Run(() => MonitorAsync(_stop.Token));
    }

    /// <summary>Queues an event (waits while the queue is full); while disconnected, only remembers deletions.</summary>
    public ValueTask EnqueueEventAsync(string eventType, StoredResource resource, CancellationToken cancellationToken)
    {
        if (eventType == MeshSyncEventTypes.Deleted)
        {
            _recentDeletes.Add(resource);
        }

        if (!Connected)
        {
            _dirty = true;
            return ValueTask.CompletedTask;
        }

        return _queue.Writer.WriteAsync(Outgoing.Event(eventType, resource), cancellationToken);
    }

    /// <summary>Queues a stored object to be sent as ADDED with whatever it holds when its turn comes.</summary>
    public ValueTask EnqueueReferenceAsync(KindStore store, string uid, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(Outgoing.Reference(store, uid), cancellationToken);

    /// <summary>Queues a remembered deletion again (after an outage).</summary>
    public ValueTask EnqueueDeleteAsync(StoredResource resource, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(Outgoing.Event(MeshSyncEventTypes.Deleted, resource), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        _nats.ConnectionOpened -= OnOpened;
        _queue.Writer.TryComplete();
        await Task.WhenAll(Quiet(_pump), Quiet(_monitor)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task Quiet(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var payload = item.Payload ?? Build(item);
            if (payload is null)
            {
                continue;
            }

            var limit = Math.Min(_maxMessageBytes, _nats.ServerInfo?.MaxPayload is > 0 and var max ? max : long.MaxValue);
            if (payload.Length > limit)
            {
                MeshSyncLog.MessageTooLarge(_logger, item.Subject, payload.Length, limit);
                continue;
            }

            if (!Connected)
            {
                _dirty = true;
                continue;
            }

            try
            {
                await _nats.PublishAsync(item.Subject, payload, cancellationToken: cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _published);
            }
            catch (Exception e) when (e is NatsException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                _dirty = true;
                MeshSyncLog.PublishFailed(_logger, item.Subject, e.Message);
            }
        }
    }

    private static byte[]? Build(Outgoing item)
    {
        if (item.Resource is { } resource)
        {
            return MessageEnvelope.Data(item.EventType!, resource.Json.Span);
        }

        return item.Store is { } store && store.TryGet(item.Uid!, out var current)
            ? MessageEnvelope.Data(MeshSyncEventTypes.Added, current.Json.Span)
            : null;
    }

    private ValueTask OnOpened(object? sender, NatsEventArgs args)
    {
        Interlocked.Increment(ref _opens);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Watches the connection: when it opens after an outage (or after anything was dropped), asks for a resync.
    /// An outage is seen by the connection's open events as well as by polling, so one shorter than a poll (a broker
    /// restarted twice in quick succession, a monitor delayed on a busy machine) still counts: messages handed to
    /// the client just before the connection dropped may have been lost with it.
    /// </summary>
    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        var wasOpen = false;
        var everOpen = false;
        var seenOpens = Volatile.Read(ref _opens);
        while (!cancellationToken.IsCancellationRequested)
        {
            var opens = Volatile.Read(ref _opens);
            var open = Connected;
            var reopened = opens != seenOpens;
            seenOpens = opens;
            if (open && (!wasOpen || reopened) && (everOpen || _dirty))
            {
                _dirty = false;
                if (Reconnected is { } reconnected)
                {
                    try
                    {
                        await reconnected(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        _dirty = true;
                        MeshSyncLog.PublishFailed(_logger, MeshSyncSubjects.Core, e.Message);
                    }
                }
            }

            everOpen |= open;
            wasOpen = open;
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
