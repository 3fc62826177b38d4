using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Nats;
using Meshery.Testing.Storage;
using Meshery.Testing.Waiting;
using NATS.Client.Core;

namespace Meshery.Agent.Tests.ClusterCache;

/// <summary>
/// The cache's catch-up after the broker returns, against a scripted MeshSync (a plain NATS client speaking
/// MeshSync's wire format), so the timing that loses an answer can be set up on purpose.
/// </summary>
public sealed class StoreCatchUpTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string ClusterId = "5c1e0d7a-6b3f-4e2a-9c8d-7f6e5d4c3b2a";
    private readonly TempDirectory _folder = new();
    private ModuleAgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await nats.StartAsync(Ct);
        // The cache alone: no in-process MeshSync, the test plays it.
        _agent = await ModuleAgentHost.StartAsync(
            _folder, nats.Url, new Dictionary<string, string> { ["Meshery:Agent:Modules:Discovery"] = "false" }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        nats.WriteLogIfTestFailed();
        await _agent.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_cluster_heard_only_just_after_an_unanswered_store_request_is_asked_again()
    {
        await using var meshSync = new NatsConnection(new NatsOpts { Url = nats.Url, Name = "scripted-meshsync" });
        await meshSync.ConnectAsync();
        var requests = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var answering = false;
        await using var requestSub = await meshSync.SubscribeCoreAsync<byte[]>(MeshSyncSubjects.Request, cancellationToken: Ct);
        _ = Task.Run(
            async () =>
            {
                await foreach (var msg in requestSub.Msgs.ReadAllAsync(Ct))
                {
                    if (ReplySubject(msg.Data) is not { } reply)
                    {
                        continue;
                    }

                    if (Volatile.Read(ref answering))
                    {
                        // The store as MeshSync holds it now: c was deleted while the broker was away.
                        await meshSync.PublishAsync(reply, StoreBatch(Resource("a", "2"), Resource("b", "1")), cancellationToken: Ct);
                    }

                    await requests.Writer.WriteAsync(reply, Ct);
                }
            },
            Ct);

        // The cache subscribes in the background as the agent starts and a message sent before that is lost, so the
        // (idempotent) events go out again until they are in.
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var name in new[] { "a", "b", "c" })
                {
                    await meshSync.PublishAsync(MeshSyncSubjects.Core, Event(MeshSyncEventTypes.Added, Resource(name, "1")), cancellationToken: Ct);
                }

                return await NamesAsync();
            },
            names => names.SequenceEqual(["a", "b", "c"]),
            TimeSpan.FromSeconds(30),
            names => $"cache holds [{string.Join(", ", names)}]",
            Ct);
        while (requests.Reader.TryRead(out _))
        {
            // The requests of the first connect are not part of this.
        }

        // The broker restarts. The cache asks for the store as it reconnects; MeshSync has not heard that request
        // (unanswered here on purpose), and its only live event comes at once, inside the cache's quiet period.
        await nats.RestartAsync(Ct);
        try
        {
            await requests.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct);
        }
        catch (TimeoutException)
        {
            // The request went out before this client had subscribed again: unanswered all the same.
        }

        await meshSync.PublishAsync(MeshSyncSubjects.Core, Event(MeshSyncEventTypes.Modified, Resource("a", "2")), cancellationToken: Ct);
        Volatile.Write(ref answering, true);

        // Nothing else happens in the cluster, yet the cache asks again and sweeps what the answer does not name.
        await NamesAreAsync(["a", "b"]);
    }

    private async Task<string[]> NamesAsync() =>
        (await _agent.AllResourcesAsync(ClusterId, "ConfigMap", Ct))
            .Select(r => r.GetProperty("metadata").GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private async Task NamesAreAsync(string[] expected) =>
        await Eventually.HoldsAsync(
            NamesAsync,
            names => names.SequenceEqual(expected),
            TimeSpan.FromSeconds(15),
            names => $"cache holds [{string.Join(", ", names)}], expected [{string.Join(", ", expected)}]",
            Ct);

    private static string? ReplySubject(byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        var message = JsonSerializer.Deserialize(data, MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
        return message?.Request is { Entity: MeshSyncRequestEntities.InformerStore, Payload: { } payload }
            ? payload.Deserialize(MeshSyncJsonContext.Default.InformerStoreRequest)?.Reply
            : null;
    }

    private static KubernetesResource Resource(string name, string resourceVersion) =>
        KubernetesResourceMapper.FromObject(
            new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = "default",
                    ["uid"] = $"00000000-0000-0000-0000-00000000000{name[0] - 'a'}",
                    ["resourceVersion"] = resourceVersion,
                },
            },
            ClusterId);

    private static byte[] Event(string eventType, KubernetesResource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.Data(eventType, resource), MeshSyncJsonContext.Default.MeshSyncMessageKubernetesResource);

    private static byte[] StoreBatch(params KubernetesResource[] resources) =>
        JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.StoreBatch(resources), MeshSyncJsonContext.Default.MeshSyncMessageIReadOnlyListKubernetesResource);
}
