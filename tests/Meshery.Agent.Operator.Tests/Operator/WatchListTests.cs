using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.Operator.Tests.Support;
using Meshery.Deploy.Manifests;
using Meshery.Testing.Nats;
using Meshery.Testing.Waiting;
using Microsoft.Extensions.Logging.Abstractions;
using static Meshery.Agent.Operator.Tests.Support.OperatorCluster;

namespace Meshery.Agent.Operator.Tests.Operator;

/// <summary>
/// The whole path of a watch-list change: a user edits the MeshSync resource (stored as v1alpha2 by the repo's
/// CRD), discovery (run as the MeshSync pod runs it, publishing to a real nats-server) reads it through v1alpha1
/// and changes what it watches, and the operator rolls the MeshSync Deployment.
/// </summary>
public sealed class WatchListTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private const string Hash = "meshery.io/watch-list-hash";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_watch_list_change_reaches_discovery_and_rolls_the_meshsync_pods()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);
        await cluster.SetReadyReplicasAsync("apps/v1", "StatefulSet", "meshery-nats", 1, _ct);
        await cluster.ApplyAsync(NewMeshSync("meshery-meshsync", "meshery-broker"), _ct);
        var deployment = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct), d => d is not null, "Deployment", _ct);

        var options = new MeshSyncOptions
        {
            BrokerUrl = nats.Url,
            HealthPort = 0,
            BackoffInitial = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(500),
            ConfigRetryInterval = TimeSpan.FromMilliseconds(300),
        };
        using var client = cluster.Server.CreateClient();
        await using var connection = MeshSyncWorker.CreateConnection(options);
        await using var discovery = ClusterDiscovery.Create(client, await ClusterDiscovery.ReadClusterIdAsync(client, _ct), options, connection, NullLogger.Instance);
        await discovery.StartAsync(_ct);
        await discovery.InitialListCompleted.WaitAsync(TimeSpan.FromSeconds(60), _ct);

        Assert.False(discovery.WatchList.IsWhitelist || discovery.WatchList.IsBlacklist, discovery.WatchList.ToString());
        Assert.Contains("configmaps.v1.", discovery.WatchedKinds);

        // Only pods, as a user would apply it.
        await cluster.ApplyAsync(NewMeshSync("meshery-meshsync", "meshery-broker", """[{"Resource":"pods.v1.","Events":["ADDED","MODIFIED","DELETED"]}]"""), _ct);
        await Eventually.HoldsAsync(() => Task.FromResult(discovery.WatchedKinds), kinds => kinds.Contains("pods.v1.") && !kinds.Contains("configmaps.v1."), "discovery watches pods only", _ct);
        var rolled = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct),
            d => HashOf(d) != HashOf(deployment), "the operator rolled the MeshSync pods", _ct);

        Assert.Equal("whitelist(pods.v1.)", discovery.WatchList.ToString());

        // Everything but config maps, as `kubectl patch --type merge` would edit it.
        var blacklist = new JsonObject { ["spec"] = new JsonObject { ["watch-list"] = new JsonObject { ["data"] = new JsonObject { ["whitelist"] = null, ["blacklist"] = """["configmaps.v1."]""" } } } };
        await cluster.Rest.MergePatchAsync(ResourceKind.Of(MesheryKinds.ApiVersion, MesheryKinds.MeshSync).ObjectPath(MesheryKinds.Namespace, "meshery-meshsync"), blacklist, "operator-tests", _ct);
        await Eventually.HoldsAsync(() => Task.FromResult(discovery.WatchedKinds), kinds => kinds.Contains("secrets.v1.") && !kinds.Contains("configmaps.v1."), "discovery watches all but config maps", _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct),
            d => HashOf(d) != HashOf(rolled), "the operator rolled the MeshSync pods again", _ct);

        Assert.True(discovery.WatchList.IsBlacklist, discovery.WatchList.ToString());
    }

    private static string? HashOf(JsonObject? deployment) =>
        (string?)deployment?["spec"]?["template"]?["metadata"]?["annotations"]?[Hash];
}
