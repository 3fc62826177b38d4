using Meshery.Testing.Waiting;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.Operator.Tests.Support;
using Meshery.Deploy.Manifests;
using static Meshery.Agent.Operator.Tests.Support.OperatorCluster;

namespace Meshery.Agent.Operator.Tests.Operator;

public sealed class MeshSyncReconcileTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeshSync_waits_for_its_broker_then_publishes_to_it_and_a_watch_list_change_rolls_the_deployment()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        await cluster.ApplyAsync(NewMeshSync("meshery-meshsync", "meshery-broker"), _ct);
        var waiting = await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "MeshSync", "meshery-meshsync", _ct),
            m => Condition(m, "Processing") == "True", "waiting for the broker", _ct);
        Assert.Null(await cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct));

        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);
        await cluster.SetReadyReplicasAsync("apps/v1", "StatefulSet", "meshery-nats", 1, _ct);
        var deployment = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct), d => d is not null, "Deployment", _ct);
        var published = await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "MeshSync", "meshery-meshsync", _ct),
            m => (string?)m?["status"]?["publishing-to"] is not null, "publishing-to", _ct);
        var pod = deployment!["spec"]!["template"]!;
        var container = pod["spec"]!["containers"]![0]!;
        var env = ((JsonArray)container["env"]!).OfType<JsonObject>().ToDictionary(e => (string)e["name"]!);

        Assert.Equal("False", Condition(waiting, "Ready"));
        Assert.Equal("nats://meshery-nats.meshery:4222", (string?)published!["status"]!["publishing-to"]);
        Assert.Equal(("meshery", "meshsync"), ((string?)deployment["metadata"]!["labels"]!["app"], (string?)deployment["metadata"]!["labels"]!["component"]));
        Assert.Equal("meshery-operator", (string?)pod["spec"]!["serviceAccountName"]);
        Assert.Equal("meshery/meshsync:1.0.3", (string?)container["image"]);
        Assert.Equal(("client", 11000), ((string?)container["ports"]![0]!["name"], (int?)container["ports"]![0]!["containerPort"]));
        Assert.Equal("meshery-nats-auth", (string?)env["NATS_TOKEN"]["valueFrom"]!["secretKeyRef"]!["name"]);
        Assert.Equal("nats://$(NATS_TOKEN)@meshery-nats.meshery:4222", (string?)env["BROKER_URL"]["value"]);
        Assert.Equal(("/healthz", "/readyz"), ((string?)container["livenessProbe"]!["httpGet"]!["path"], (string?)container["readinessProbe"]!["httpGet"]!["path"]));

        // The watch-list change reaches the resource MeshSync reads its config from, and rolls its pods.
        const string whitelist = "[{\"Resource\":\"pods.v1.\",\"Events\":[\"ADDED\"]}]";
        var hash = (string?)pod["metadata"]!["annotations"]!["meshery.io/watch-list-hash"];
        await cluster.ApplyAsync(NewMeshSync("meshery-meshsync", "meshery-broker", whitelist), _ct);
        var rolled = await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct),
            d => (string?)d!["spec"]!["template"]!["metadata"]!["annotations"]!["meshery.io/watch-list-hash"] != hash, "pod template rolled", _ct);
        var resource = await cluster.GetAsync(MesheryKinds.ApiVersion, "MeshSync", "meshery-meshsync", _ct);
        var config = WatchListConfig.FromSpec(System.Text.Json.JsonDocument.Parse(resource!["spec"]!.ToJsonString()).RootElement);

        Assert.True((long?)rolled!["metadata"]!["generation"] > (long?)deployment["metadata"]!["generation"]);
        Assert.True(config.IsWhitelist);
        Assert.Equal("whitelist(pods.v1.)", config.ToString());
    }

    [Fact]
    public async Task A_MeshSync_naming_a_missing_broker_fails_and_deleting_it_removes_its_deployment()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        cluster.StartOperator();
        await cluster.ApplyAsync(NewMeshSync("lost", "no-such-broker"), _ct);
        var failed = await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "MeshSync", "lost", _ct),
            m => Condition(m, "Failed") == "True", "Failed condition", _ct);
        Assert.Equal("False", Condition(failed, "Ready"));

        var custom = NewMeshSync("custom", "unused");
        custom["spec"]!["broker"] = new JsonObject { ["custom"] = new JsonObject { ["url"] = "nats://broker.example:4222" } };
        await cluster.ApplyAsync(custom, _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct), d => d is not null, "Deployment", _ct);
        await cluster.Rest.DeleteAsync(ResourceKind.Of(MesheryKinds.ApiVersion, "MeshSync").ObjectPath("meshery", "custom"), _ct);

        await Eventually.HoldsAsync(() => cluster.GetAsync(MesheryKinds.ApiVersion, "MeshSync", "custom", _ct), m => m is null, "MeshSync gone", _ct);
        Assert.Null(await cluster.GetAsync("apps/v1", "Deployment", "meshery-meshsync", _ct));
    }
}
