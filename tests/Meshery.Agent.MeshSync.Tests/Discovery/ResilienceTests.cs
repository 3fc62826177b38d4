using Meshery.Agent.MeshSync.Tests.Support;
using Meshery.Testing.Nats;

namespace Meshery.Agent.MeshSync.Tests.Discovery;

[Collection(MeshSyncCollection.Name)]
public sealed class ResilienceTests(NatsServerFixture nats)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forced_relist_after_410_does_not_republish_unchanged_objects()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(3, 100)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        // a write elsewhere moves the cluster's resourceVersion past the config maps' resume point
        h.Server.Put(Harness.Namespace("elsewhere"));
        await h.ConvergeAsync(_ct);
        var listsBefore = h.Discovery.GetListCount("configmaps.v1.");
        var messagesBefore = h.Collector.CoreMessages;

        h.Server.CompactWatchHistory();
        h.Server.DropWatchConnections();
        await Deadline.UntilAsync(() => h.Discovery.GetListCount("configmaps.v1.") > listsBefore, TimeSpan.FromSeconds(30), _ct);
        h.Server.Put(Harness.ConfigMap("ns0", "after-relist"));
        await h.ConvergeAsync(_ct);

        Assert.Equal(messagesBefore + 1, h.Collector.CoreMessages);
        Assert.DoesNotContain(h.Collector.Seen, s => s.Value > 1);
    }

    [Fact]
    public async Task Dropped_watches_converge_without_loss()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(2, 60)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);

        for (var round = 0; round < 5; round++)
        {
            h.Server.DropWatchConnections();
            h.Server.Put(Harness.ConfigMap("ns0", $"r{round}"));
            h.Server.Put(Harness.ConfigMap("ns1", "cm0", value: $"round{round}"));
            h.Server.Remove("pods", "ns1", $"pod{(round * 3) + 1}");
        }

        await h.ConvergeAsync(_ct);
        Assert.DoesNotContain(h.Collector.Seen, s => s.Value > 1);
    }

    [Fact]
    public async Task Broker_killed_and_restarted_mid_stream_converges_to_the_final_state_within_10_seconds()
    {
        var broker = new NatsServerFixture();
        await broker.StartAsync(_ct);
        try
        {
            await using var h = await Harness.StartAsync(broker.Url, _ct, seed: s => s.PutMany(Harness.Objects(3, 150)), rerequestOnReconnect: true);
            await h.WaitInitialListAsync(_ct);
            await h.ConvergeAsync(_ct);

            var writer = Task.Run(
                () =>
                {
                    for (var i = 0; i < 400; i++)
                    {
                        h.Server.Put(Harness.ConfigMap($"ns{i % 3}", $"stream{i}"));
                        if (i % 4 == 0)
                        {
                            h.Server.Remove("configmaps", $"ns{i % 3}", $"cm{(i / 4 % 50) * 3}");
                        }
                    }
                },
                _ct);
            await broker.StopAsync(_ct);
            await writer;
            h.Server.Remove("configmaps", "ns0", "stream0");
            await Deadline.UntilAsync(() => !h.Discovery.Status.BrokerConnected, TimeSpan.FromSeconds(10), _ct);

            await broker.StartAsync(_ct);
            await h.ConvergeAsync(_ct, TimeSpan.FromSeconds(10));
        }
        finally
        {
            broker.WriteLogIfTestFailed();
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task Broker_absent_at_start_then_present_publishes_everything()
    {
        var broker = new NatsServerFixture();
        try
        {
            await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(2, 50)), configure: o => o with { BrokerUrl = broker.Url });
            await Deadline.UntilAsync(() => h.Discovery.Status.Kinds.Count > 5 && h.Discovery.Status.Kinds.Values.All(k => k.Synced), TimeSpan.FromSeconds(30), _ct);
            Assert.False(h.Discovery.Status.Ready);
            await using var late = await LateCollectorAsync(broker, h);

            await Deadline.UntilAsync(() => h.Discovery.Status.Ready, TimeSpan.FromSeconds(10), _ct);
            var expected = await h.ClusterStateAsync(_ct);
            await Deadline.UntilAsync(() => late.State.Count == expected.Count, TimeSpan.FromSeconds(10), _ct, () => Harness.Describe(expected, late.Snapshot()));
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    private async Task<Collector> LateCollectorAsync(NatsServerFixture broker, Harness h)
    {
        await broker.StartAsync(_ct);
        return await Collector.StartAsync(broker.Url, h.ClusterId, _ct);
    }

    [Fact]
    public async Task Forbidden_kind_is_reported_and_the_others_are_still_published()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s =>
        {
            s.PutMany(Harness.Objects(2, 30));
            s.Forbid("pods", "list", "watch");
        });
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct, include: k => k.Plural != "pods");

        var pods = h.Discovery.Status.Kinds["pods.v1."];
        Assert.Equal(Meshery.Agent.MeshSync.Discovery.InformerState.Forbidden, pods.State);
        Assert.Contains("403", pods.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Collector.State.Values, e => e.Kind == "Pod");

        h.Server.Allow("pods");
        await h.ConvergeAsync(_ct);
        Assert.Contains(h.Collector.State.Values, e => e.Kind == "Pod");
    }
}
