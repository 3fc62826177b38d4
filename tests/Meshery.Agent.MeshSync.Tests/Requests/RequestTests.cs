using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Tests.Support;
using Meshery.Testing.Nats;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Tests.Requests;

[Collection(MeshSyncCollection.Name)]
public sealed class RequestTests(NatsServerFixture nats)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Informer_store_sends_the_whole_store_in_batches_of_at_most_five()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(2, 40)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        await using var late = await Collector.StartAsync(nats.Url, h.ClusterId, _ct);

        await late.RequestStoreAsync(_ct);
        var expected = await h.ClusterStateAsync(_ct);
        await Deadline.UntilAsync(() => late.State.Count == expected.Count, TimeSpan.FromSeconds(20), _ct, () => Harness.Describe(expected, late.Snapshot()));

        Assert.Equal(expected, late.Snapshot());
        Assert.All(late.StoreBatchSizes, size => Assert.InRange(size, 1, 5));
        Assert.Equal(expected.Count, late.StoreObjects);
        Assert.Equal((expected.Count + 4) / 5, late.StoreBatchSizes.Count);
    }

    [Fact]
    public async Task Resync_discovery_republishes_everything()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(1, 30)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        var before = h.Collector.CoreMessages;

        await h.Collector.SendRequestAsync(MeshSyncRequestEntities.ResyncDiscovery, null, _ct);

        await Deadline.UntilAsync(() => h.Collector.CoreMessages >= before + h.Collector.State.Count, TimeSpan.FromSeconds(20), _ct);
        await h.ConvergeAsync(_ct);
    }

    [Fact]
    public async Task Meshsync_meta_answers_with_the_version()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, configure: o => o with { Version = "9.8.7" });
        await h.WaitInitialListAsync(_ct);
        await using var sub = await h.Collector.Connection.SubscribeCoreAsync<byte[]>(MeshSyncSubjects.Meta, cancellationToken: _ct);
        await h.Collector.Connection.PingAsync(_ct);

        await h.Collector.SendRequestAsync(MeshSyncRequestEntities.MeshSyncMeta, null, _ct);
        var reply = await sub.Msgs.ReadAsync(_ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), _ct);

        using var json = JsonDocument.Parse(reply.Data!);
        Assert.Equal(["ObjectType", "EventType", "Request", "Object"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("9.8.7", json.RootElement.GetProperty("Object").GetString());
    }

    [Fact]
    public async Task Log_stream_follows_a_pods_log_to_the_logs_subject()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s =>
        {
            s.Put(Harness.Pod("default", "web"));
            s.SetPodLog("default", "web", "line one\n", "app");
        });
        await h.WaitInitialListAsync(_ct);
        await using var sub = await h.Collector.Connection.SubscribeCoreAsync<byte[]>(MeshSyncSubjects.Logs, cancellationToken: _ct);
        await h.Collector.Connection.PingAsync(_ct);
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, LogStreamRequest>
        {
            ["s1"] = new() { Id = "s1", Name = "web", Namespace = "default", Container = "app", Follow = true },
        }, MeshSyncJsonContext.Default.DictionaryStringLogStreamRequest);

        await h.Collector.SendRequestAsync(MeshSyncRequestEntities.LogStream, payload, _ct);
        var text = new StringBuilder();
        var first = await NextChunkAsync(sub);
        text.Append(first.GetProperty("data").GetString());
        h.Server.AppendPodLog("default", "web", "line two\n", "app");
        while (!text.ToString().Contains("line two", StringComparison.Ordinal))
        {
            text.Append((await NextChunkAsync(sub)).GetProperty("data").GetString());
        }

        Assert.Contains("line one", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(("s1", "web", "app"), (first.GetProperty("id").GetString(), first.GetProperty("primary").GetString(), first.GetProperty("secondary").GetString()));
    }

    private async Task<JsonElement> NextChunkAsync(INatsSub<byte[]> sub)
    {
        var message = await sub.Msgs.ReadAsync(_ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), _ct);
        using var json = JsonDocument.Parse(message.Data!);
        Assert.Equal(MeshSyncObjectTypes.LogStream, json.RootElement.GetProperty("ObjectType").GetString());
        Assert.Equal(MeshSyncEventTypes.Added, json.RootElement.GetProperty("EventType").GetString());
        return json.RootElement.GetProperty("Object").Clone();
    }

    [Fact]
    public async Task Secrets_are_redacted_and_oversized_objects_are_trimmed_to_fit()
    {
        var big = Harness.ConfigMap("default", "huge");
        big["data"] = new JsonObject { ["blob"] = new string('x', 1_500_000) };
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s =>
        {
            s.Put(Harness.Secret("default", "db"));
            s.Put(big);
            s.Put(Harness.ConfigMap("default", "small"));
        });
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);

        var secret = JsonDocument.Parse(h.Collector.State.Values.Single(e => e.Kind == "Secret").Json).RootElement;
        Assert.Equal("""{"password":"REDACTED"}""", secret.GetProperty("data").GetString());
        Assert.DoesNotContain("c3VwZXItc2VjcmV0", h.Collector.State.Values.Single(e => e.Kind == "Secret").Json, StringComparison.Ordinal);
        var huge = h.Collector.State.Values.Single(e => e.Name == "huge");
        Assert.True(huge.Json.Length < 1024 * 1024);
        Assert.False(JsonDocument.Parse(huge.Json).RootElement.TryGetProperty("data", out _));
    }
}
