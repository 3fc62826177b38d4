using Meshery.Testing.Waiting;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Nats;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.ClusterCache;

/// <summary>nats-server killed mid-stream (and changes made while it is away): the cache converges to the cluster's final state.</summary>
public sealed class BrokerRestartTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private FakeKubeApiServer _cluster = null!;
    private ModuleAgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await nats.StartAsync(Ct);
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _agent = await ModuleAgentHost.StartAsync(_folder, nats.Url, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        nats.WriteLogIfTestFailed();
        await _agent.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Cache_converges_after_the_broker_is_killed_and_restarted_mid_stream()
    {
        ClusterSyncTests.Seed(_cluster, namespaces: 2, perNamespace: 1000);
        await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct);
        using var client = _cluster.CreateClient();
        await ConvergesAsync(client);

        var random = new Random(11);
        var changes = ClusterSyncTests.RandomChangesAsync(client, random, 400, Ct);
        await nats.RestartAsync(Ct);
        await changes;

        // Changes (deletes included) while the broker is down are caught up when it returns.
        await nats.StopAsync(Ct);
        await ClusterSyncTests.RandomChangesAsync(client, random, 200, Ct);
        await nats.StartAsync(Ct);
        await ClusterSyncTests.RandomChangesAsync(client, random, 50, Ct);

        await ConvergesAsync(client);
    }

    private async Task ConvergesAsync(k8s.Kubernetes client)
    {
        var expected = await ClusterTruth.ConfigMapsAsync(client, Ct);
        await Eventually.HoldsAsync(
            async () => ClusterTruth.Of(await _agent.AllResourcesAsync(_cluster.KubeSystemUid, "ConfigMap", Ct)),
            actual => ClusterTruth.Same(expected, actual),
            TimeSpan.FromSeconds(90),
            actual => ClusterTruth.Diff(expected, actual),
            Ct);
    }
}
