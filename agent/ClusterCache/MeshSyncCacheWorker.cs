using System.Diagnostics;
using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// Fills the cache from MeshSync: subscribes to <see cref="MeshSyncSubjects.Core"/> without a queue group
/// (every agent replica keeps a whole cache), asks for the store on every (re)connect (those objects count
/// as ADDED) and, once a cluster's answer is complete, removes that cluster's rows the answer did not name,
/// so deletes missed while the broker was away are caught up.
/// </summary>
public sealed partial class MeshSyncCacheWorker(
    INatsConnection connection,
    ClusterCacheWriter writer,
    IOptions<ClusterCacheOptions> options,
    TimeProvider time,
    ILogger<MeshSyncCacheWorker> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoreAnswer> _answers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _storeWanted = new(0, 1);
    private long _generation;
    private long _received;
    private volatile bool _storeBusy;
    private INatsSub<NatsMemoryOwner<byte>>? _storeSub;

    /// <summary>The reply subject this agent names in its informer-store requests.</summary>
    public string StoreReplySubject { get; } = MeshSyncSubjects.ServerStoreReply;

    /// <summary>Resource messages received so far.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Store answers completed (and swept) so far.</summary>
    public long CompletedStoreAnswers { get; private set; }

    /// <summary>The generation of the last store request.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Asks MeshSync to re-list every kind and republish, then asks for its store again.</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        await PublishRequestAsync(new MeshSyncRequest { Entity = MeshSyncRequestEntities.ResyncDiscovery }, cancellationToken);
        RequestStore();
    }

    /// <summary>Schedules a store request (coalesced with one already pending).</summary>
    public void RequestStore()
    {
        try
        {
            _storeWanted.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.ConnectionOpened += OnOpened;
        if (connection.ConnectionState == NatsConnectionState.Open)
        {
            // Connected before we listened: that was the first connect.
            Interlocked.CompareExchange(ref _opened, 1, 0);
        }

        try
        {
            await using var core = await SubscribeAsync(MeshSyncSubjects.Core, stoppingToken);
            await using var store = await SubscribeAsync(StoreReplySubject, stoppingToken);
            _storeSub = store;
            RequestStore();
            await Task.WhenAll(
                ReadEventsAsync(core, stoppingToken),
                ReadStoreAsync(store, stoppingToken),
                RequestStoreLoopAsync(stoppingToken),
                CompleteAnswersLoopAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            connection.ConnectionOpened -= OnOpened;
        }
    }

    public override void Dispose()
    {
        _storeWanted.Dispose();
        base.Dispose();
    }

    private ValueTask OnOpened(object? sender, NatsEventArgs args)
    {
        NoteOpened();
        RequestStore();
        return ValueTask.CompletedTask;
    }

    private async Task<INatsSub<NatsMemoryOwner<byte>>> SubscribeAsync(string subject, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await connection.SubscribeCoreAsync<NatsMemoryOwner<byte>>(subject, cancellationToken: cancellationToken);
            }
            catch (NatsException ex)
            {
                ClusterCacheLog.SubscriptionFailed(logger, ex);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task ReadEventsAsync(INatsSub<NatsMemoryOwner<byte>> sub, CancellationToken cancellationToken)
    {
        await foreach (var msg in sub.Msgs.ReadAllAsync(cancellationToken))
        {
            using var data = msg.Data;
            (string EventType, ResourceRow Row)? decoded;
            try
            {
                decoded = MeshSyncMessageDecoder.DecodeEvent(data.Memory.Span);
            }
            catch (JsonException ex)
            {
                ClusterCacheLog.BadMessage(logger, msg.Subject, ex.Message);
                continue;
            }

            if (decoded is not { } e)
            {
                continue;
            }

            Interlocked.Increment(ref _received);
            var generation = Interlocked.Read(ref _generation);
            var change = e.EventType == MeshSyncEventTypes.Deleted
                ? CacheChange.Delete(e.Row, generation)
                : CacheChange.Upsert(e.Row, generation, e.EventType);
            await writer.EnqueueAsync(change with { ReceivedTimestamp = Stopwatch.GetTimestamp() }, cancellationToken);
            NoteLiveCluster(e.Row.ClusterId);
        }
    }

    private async Task ReadStoreAsync(INatsSub<NatsMemoryOwner<byte>> sub, CancellationToken cancellationToken)
    {
        await foreach (var msg in sub.Msgs.ReadAllAsync(cancellationToken))
        {
            _storeBusy = true;
            try
            {
                using var data = msg.Data;
                IReadOnlyList<ResourceRow> rows;
                try
                {
                    rows = MeshSyncMessageDecoder.DecodeStoreBatch(data.Memory.Span);
                }
                catch (JsonException ex)
                {
                    ClusterCacheLog.BadMessage(logger, msg.Subject, ex.Message);
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                foreach (var row in rows)
                {
                    Interlocked.Increment(ref _received);
                    var generation = AnswerGeneration(row.ClusterId);
                    await writer.EnqueueAsync(CacheChange.FromStore(row, generation) with { ReceivedTimestamp = now }, cancellationToken);
                    NoteAnswer(row.ClusterId);
                }
            }
            finally
            {
                _storeBusy = false;
            }
        }
    }
}
