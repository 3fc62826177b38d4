using Meshery.Testing.Waiting;
using System.Text.Json.Nodes;
using Meshery.Agent.Operator.Tests.Support;
using Meshery.Deploy.Manifests;
using static Meshery.Agent.Operator.Tests.Support.OperatorCluster;

namespace Meshery.Agent.Operator.Tests.Operator;

public sealed class BrokerReconcileTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_broker_yields_every_child_with_an_owner_reference_and_reports_endpoints_once_ready()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        var broker = await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        var uid = (string?)broker["metadata"]?["uid"];

        var sts = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet meshery-nats", _ct);
        var children = new[]
        {
            await cluster.GetAsync("v1", "ConfigMap", "meshery-nats-config", _ct),
            await cluster.GetAsync("v1", "Service", "meshery-nats", _ct),
            await cluster.GetAsync("v1", "Service", "meshery-nats-headless", _ct),
            await cluster.GetAsync("v1", "Secret", "meshery-nats-auth", _ct),
            sts,
        };
        var waiting = await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "Broker", "meshery-broker", _ct),
            b => Condition(b, "Processing") == "True", "Processing condition", _ct);

        Assert.All(children, c => Assert.Equal(uid, (string?)c!["metadata"]!["ownerReferences"]![0]!["uid"]));
        Assert.All(children, c => Assert.Equal("meshery-operator", (string?)c!["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]));
        Assert.Equal(1, (int?)sts!["spec"]!["replicas"]);
        Assert.Equal([4222, 8222], ((JsonArray)children[1]!["spec"]!["ports"]!).Select(p => (int)p!["port"]!));
        Assert.Equal("None", (string?)children[2]!["spec"]!["clusterIP"]);
        Assert.False(string.IsNullOrEmpty((string?)children[3]!["data"]!["token"]));
        Assert.Contains("broker.meshery.io/finalizer", ((JsonArray)waiting!["metadata"]!["finalizers"]!).Select(f => (string?)f));
        Assert.Null(waiting["status"]?["endpoint"]);
        Assert.Equal("False", Condition(waiting, "Ready"));

        await cluster.SetReadyReplicasAsync("apps/v1", "StatefulSet", "meshery-nats", 1, _ct);
        var ready = await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "Broker", "meshery-broker", _ct),
            b => Condition(b, "Ready") == "True", "Ready condition", _ct);

        Assert.Equal("meshery-nats.meshery:4222", (string?)ready!["status"]!["endpoint"]!["internal"]);
        Assert.Equal("meshery-nats.meshery:4222", (string?)ready["status"]!["endpoint"]!["external"]);
        Assert.Equal("False", Condition(ready, "Processing"));

        // The operator's writes are its own on the server's books: the finalizer and the status as meshery-operator.
        var owners = ((JsonArray)ready["metadata"]!["managedFields"]!)
            .Select(e => ((string?)e!["manager"], (string?)e["operation"], (string?)e["subresource"], e["fieldsV1"]!.ToJsonString()))
            .ToList();
        Assert.Contains(owners, o => o is ("meshery-operator", "Update", null, var f) && f.Contains("\"f:finalizers\"", StringComparison.Ordinal));
        Assert.Contains(owners, o => o is ("meshery-operator", "Update", "status", var f) && f.Contains("\"f:status\"", StringComparison.Ordinal));
        Assert.DoesNotContain(owners, o => o.Item1 == "kubernetes-csharp");
    }

    [Fact]
    public async Task A_size_or_version_change_rolls_out_to_the_statefulset_and_the_token_is_kept()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);
        var token = (string?)(await cluster.GetAsync("v1", "Secret", "meshery-nats-auth", _ct))!["data"]!["token"];

        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 3, version: "2.11-alpine"), _ct);
        var scaled = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct),
            s => (int?)s!["spec"]!["replicas"] == 3, "replicas 3", _ct);
        var config = await cluster.GetAsync("v1", "ConfigMap", "meshery-nats-config", _ct);
        var secret = await cluster.GetAsync("v1", "Secret", "meshery-nats-auth", _ct);

        Assert.Equal("nats:2.11-alpine", (string?)scaled!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Contains("meshery-nats-2.meshery-nats-headless", (string?)config!["data"]!["nats.conf"], StringComparison.Ordinal);
        Assert.Equal(token, (string?)secret!["data"]!["token"]);
    }

    [Fact]
    public async Task Deleting_a_broker_removes_what_it_created()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);

        await cluster.Rest.DeleteAsync(ResourceKind.Of(MesheryKinds.ApiVersion, "Broker").ObjectPath("meshery", "meshery-broker"), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "Broker", "meshery-broker", _ct), b => b is null, "broker gone", _ct);
        var left = new[]
        {
            await cluster.GetAsync("v1", "ConfigMap", "meshery-nats-config", _ct),
            await cluster.GetAsync("v1", "Service", "meshery-nats", _ct),
            await cluster.GetAsync("v1", "Service", "meshery-nats-headless", _ct),
            await cluster.GetAsync("v1", "Secret", "meshery-nats-auth", _ct),
            await cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct),
        };

        Assert.All(left, Assert.Null);
    }
}
