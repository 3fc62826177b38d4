using System.Diagnostics;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Tests.Support;
using Meshery.Testing.Nats;

namespace Meshery.Agent.MeshSync.Tests.Discovery;

[Collection(MeshSyncCollection.Name)]
public sealed class ClusterDiscoveryTests(NatsServerFixture nats)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initial_sync_of_thousands_of_objects_equals_the_cluster_then_random_changes_converge()
    {
        // MESHSYNC_SYNC_OBJECTS scales the cluster up for a throughput figure (default: about 3,000 objects)
        var perNamespace = int.TryParse(Environment.GetEnvironmentVariable("MESHSYNC_SYNC_OBJECTS"), out var n) ? n / 10 : 300;
        var seeded = Harness.Objects(namespaces: 10, perNamespace: perNamespace).ToList();
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(seeded), startDiscovery: false);
        var clock = Stopwatch.StartNew();
        await h.Discovery.StartAsync(_ct);
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"initial sync: {h.Collector.State.Count} objects in {clock.Elapsed.TotalSeconds:F2} s = {h.Collector.State.Count / clock.Elapsed.TotalSeconds:F0} objects/s");
        Assert.True(h.Collector.State.Count >= seeded.Count);

        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var ns = $"ns{random.Next(10)}";
            switch (random.Next(3))
            {
                case 0:
                    h.Server.Put(Harness.ConfigMap(ns, $"new{i}"));
                    break;
                case 1:
                    h.Server.Put(Harness.ConfigMap(ns, $"cm{random.Next(100) * 3}", value: $"changed{i}"));
                    break;
                default:
                    h.Server.Remove("pods", ns, $"pod{(random.Next(100) * 3) + 1}");
                    break;
            }
        }

        await h.ConvergeAsync(_ct);
        Assert.DoesNotContain(h.Collector.Seen, s => s.Value > 1);
    }
}
