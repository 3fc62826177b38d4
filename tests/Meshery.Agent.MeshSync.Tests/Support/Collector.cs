using System.Collections.Concurrent;
using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Tests.Support;

/// <summary>
/// A subscriber that keeps what MeshSync published for one cluster (id -> resourceVersion), as the agent's cache
/// does: core events upserted/deleted; after its own connection comes back it asks for the informer-store again.
/// </summary>
internal sealed class Collector : IAsyncDisposable
{
    private readonly NatsConnection _nats;
    private readonly string _clusterId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _core;
    private readonly Task _store;
    private readonly Task _monitor;
    private readonly string _replySubject;

    private Collector(NatsConnection nats, string clusterId, string replySubject, INatsSub<byte[]> core, INatsSub<byte[]> store, bool rerequestOnReconnect)
    {
        _nats = nats;
        _clusterId = clusterId;
        _replySubject = replySubject;
        _core = Task.Run(() => CoreAsync(core, _stop.Token));
        _store = Task.Run(() => StoreRepliesAsync(store, _stop.Token));
        _monitor = rerequestOnReconnect ? Task.Run(() => MonitorAsync(_stop.Token)) : Task.CompletedTask;
    }

    /// <summary>Current state: id -> (resourceVersion, kind, name, resource JSON).</summary>
    public ConcurrentDictionary<string, Entry> State { get; } = new(StringComparer.Ordinal);

    /// <summary>How many core messages arrived per (id, resourceVersion, event type).</summary>
    public ConcurrentDictionary<(string Id, string Rv, string Event), int> Seen { get; } = new();

    public ConcurrentQueue<int> StoreBatchSizes { get; } = new();

    public int CoreMessages => _coreMessages;

    public int StoreObjects => _storeObjects;

    private int _coreMessages;
    private int _storeObjects;

    public static async Task<Collector> StartAsync(string url, string clusterId, CancellationToken cancellationToken, bool rerequestOnReconnect = false)
    {
        var nats = new NatsConnection(new NatsOpts
        {
            Url = url,
            Name = "test-collector",
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
            ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
            SubPendingChannelCapacity = 1_000_000,
        });
        await nats.ConnectAsync();
        var reply = $"test.store.{Guid.NewGuid():N}";
        var core = await nats.SubscribeCoreAsync<byte[]>(MeshSyncSubjects.Core, cancellationToken: cancellationToken);
        var store = await nats.SubscribeCoreAsync<byte[]>(reply, cancellationToken: cancellationToken);

        // the round trip makes sure the server has both subscriptions before anything is published
        await nats.PingAsync(cancellationToken);
        return new Collector(nats, clusterId, reply, core, store, rerequestOnReconnect);
    }

    public async Task RequestStoreAsync(CancellationToken cancellationToken)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(
            MeshSyncMessage.ForRequest(new MeshSyncRequest
            {
                Entity = MeshSyncRequestEntities.InformerStore,
                Payload = JsonSerializer.SerializeToElement(new InformerStoreRequest { Reply = _replySubject }, MeshSyncJsonContext.Default.InformerStoreRequest),
            }),
            MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
        await _nats.PublishAsync(MeshSyncSubjects.Request, request, cancellationToken: cancellationToken);
    }

    public Task SendRequestAsync(string entity, JsonElement? payload, CancellationToken cancellationToken) =>
        _nats.PublishAsync(
            MeshSyncSubjects.Request,
            JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.ForRequest(new MeshSyncRequest { Entity = entity, Payload = payload }), MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement),
            cancellationToken: cancellationToken).AsTask();

    public NatsConnection Connection => _nats;

    public Dictionary<string, string> Snapshot() => State.ToDictionary(p => p.Key, p => p.Value.ResourceVersion, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var task in new[] { _core, _store, _monitor })
        {
            try
            {
                await task;
            }
            catch (Exception)
            {
                // stopping
            }
        }

        await _nats.DisposeAsync();
        _stop.Dispose();
    }

    private async Task CoreAsync(INatsSub<byte[]> sub, CancellationToken cancellationToken)
    {
        await using var subscription = sub;
        await foreach (var message in sub.Msgs.ReadAllAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(message.Data!);
            var root = document.RootElement;
            var obj = root.GetProperty("Object");
            if (obj.GetProperty("cluster_id").GetString() != _clusterId)
            {
                continue;
            }

            Interlocked.Increment(ref _coreMessages);
            var eventType = root.GetProperty("EventType").GetString()!;
            var entry = Entry.From(obj);
            Seen.AddOrUpdate((entry.Id, entry.ResourceVersion, eventType), 1, (_, n) => n + 1);
            if (eventType == MeshSyncEventTypes.Deleted)
            {
                State.TryRemove(entry.Id, out _);
            }
            else
            {
                State[entry.Id] = entry;
            }
        }
    }

    private async Task StoreRepliesAsync(INatsSub<byte[]> sub, CancellationToken cancellationToken)
    {
        await using var subscription = sub;
        await foreach (var message in sub.Msgs.ReadAllAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(message.Data!);
            var objects = document.RootElement.GetProperty("Object");
            var mine = objects.EnumerateArray().Where(o => o.GetProperty("cluster_id").GetString() == _clusterId).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            StoreBatchSizes.Enqueue(objects.GetArrayLength());
            foreach (var obj in mine)
            {
                Interlocked.Increment(ref _storeObjects);
                var entry = Entry.From(obj);
                State[entry.Id] = entry;
            }
        }
    }

    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        var wasOpen = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var open = _nats.ConnectionState == NatsConnectionState.Open;
            if (open && !wasOpen)
            {
                await _nats.PingAsync(cancellationToken);
                await RequestStoreAsync(cancellationToken);
            }

            wasOpen = open;
            await Task.Delay(50, cancellationToken);
        }
    }

    public sealed record Entry(string Id, string ResourceVersion, string Kind, string? Name, string Json)
    {
        public static Entry From(JsonElement obj)
        {
            var meta = obj.GetProperty("metadata");
            return new Entry(
                obj.GetProperty("id").GetString()!,
                meta.TryGetProperty("resourceVersion", out var rv) ? rv.GetString()! : string.Empty,
                obj.GetProperty("kind").GetString()!,
                meta.TryGetProperty("name", out var n) ? n.GetString() : null,
                obj.GetRawText());
        }
    }
}
