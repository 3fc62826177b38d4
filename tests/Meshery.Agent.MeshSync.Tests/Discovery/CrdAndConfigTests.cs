using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;
using Meshery.Agent.MeshSync.Tests.Support;
using Meshery.Testing.Nats;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meshery.Agent.MeshSync.Tests.Discovery;

[Collection(MeshSyncCollection.Name)]
public sealed class CrdAndConfigTests(NatsServerFixture nats)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CRD_added_starts_only_its_kind_and_removed_stops_only_it()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(2, 30)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        h.Server.ResetRequestCounts();

        h.Server.Put(Crd("example.com", "widgets", "Widget"));
        await Deadline.UntilAsync(() => h.Discovery.WatchedKinds.Contains("widgets.v1.example.com"), TimeSpan.FromSeconds(10), _ct);
        h.Server.Put(Widget("ns0", "w1"));
        h.Server.Put(Widget("ns1", "w2"));
        await Deadline.UntilAsync(() => h.Collector.State.Values.Count(e => e.Kind == "Widget") == 2, TimeSpan.FromSeconds(10), _ct);

        // (the harness's own cluster reads also hit list paths, so counts are taken before it reads)
        Assert.True(h.Server.GetRequestCount("/apis/example.com/v1/widgets") >= 2);
        foreach (var other in new[] { "/api/v1/pods", "/api/v1/configmaps", "/api/v1/namespaces", "/apis/apps/v1/deployments", "/api/v1/secrets" })
        {
            Assert.Equal(0, h.Server.GetRequestCount(other));
        }

        h.Server.Remove("customresourcedefinitions.apiextensions.k8s.io", null, "widgets.example.com");
        await Deadline.UntilAsync(() => !h.Discovery.WatchedKinds.Contains("widgets.v1.example.com"), TimeSpan.FromSeconds(10), _ct);
        await Deadline.UntilAsync(() => !h.Collector.State.Values.Any(e => e.Kind == "Widget"), TimeSpan.FromSeconds(10), _ct);
        Assert.Equal(0, h.Server.GetRequestCount("/api/v1/pods"));
        Assert.Equal(0, h.Server.GetRequestCount("/api/v1/configmaps"));
        await h.ConvergeAsync(_ct);
    }

    [Fact]
    public async Task A_deletion_handed_on_as_its_informer_stops_is_still_published()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s => s.PutMany(Harness.Objects(1, 3)));
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);
        var id = KubernetesResourceMapper.ComputeId(h.ClusterId, "ConfigMap", "v1", "ns0", "cm0");
        Assert.True(h.Collector.State.ContainsKey(id));

        // A CRD's removal stops its kind's informer while that informer may be handing on a DELETED it has already
        // taken out of its store (the same removal deletes the kind's objects): the hand-on then comes with the
        // informer's token cancelled, and the kind's stop no longer finds the object to publish it.
        var type = new ResourceType(new ResourceKey("configmaps", "v1", string.Empty), "ConfigMap", Namespaced: true);
        var settings = new InformerSettings(500, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var encoder = new ResourceEncoder(h.ClusterId, redactSecrets: true, maxResourceBytes: 1 << 20);
        var stopping = new ResourceInformer(new KubeApi(h.Client), type, null, h.Discovery, encoder, settings, NullLogger.Instance, TimeProvider.System);
        using var raw = JsonDocument.Parse(h.Server.Find("configmaps", "ns0", "cm0")!.ToJsonString());
        var last = new StoredResource(raw.RootElement.GetProperty("metadata").GetProperty("uid").GetString()!, "1", encoder.Encode(raw.RootElement, type, out _));
        using var informerStopped = new CancellationTokenSource();
        await informerStopped.CancelAsync();

        await ((IInformerSink)h.Discovery).OnChangeAsync(stopping, MeshSyncEventTypes.Deleted, last, raw.RootElement, informerStopped.Token);

        await Deadline.UntilAsync(() => !h.Collector.State.ContainsKey(id), TimeSpan.FromSeconds(10), _ct);
    }

    [Fact]
    public async Task Blacklist_and_whitelist_are_honoured_and_applied_live()
    {
        await using var h = await Harness.StartAsync(nats.Url, _ct, seed: s =>
        {
            s.PutMany(Harness.Objects(1, 30));
            s.Put(Harness.Namespace("meshery"));
            s.Put(Crd("meshery.io", "meshsyncs", "MeshSync", version: "v1alpha1"));
            s.Put(MeshSyncConfig(new JsonObject { ["blacklist"] = """["configmaps.v1.","secrets.v1."]""" }));
        });
        await h.WaitInitialListAsync(_ct);
        await h.ConvergeAsync(_ct);

        Assert.True(h.Discovery.WatchList.IsBlacklist);
        Assert.DoesNotContain(h.Collector.State.Values, e => e.Kind is "ConfigMap" or "Secret");
        Assert.Contains(h.Collector.State.Values, e => e.Kind == "Pod");

        h.Server.Put(MeshSyncConfig(new JsonObject { ["whitelist"] = """[{"Resource":"configmaps.v1.","Events":["ADDED","MODIFIED"]}]""" }));
        await Deadline.UntilAsync(() => h.Discovery.WatchList.IsWhitelist && h.Discovery.WatchedKinds.Contains("configmaps.v1.") && !h.Discovery.WatchedKinds.Contains("pods.v1."), TimeSpan.FromSeconds(10), _ct);
        await Deadline.UntilAsync(() => h.Collector.State.Values.Any(e => e.Kind == "ConfigMap" && e.Name == "cm0"), TimeSpan.FromSeconds(10), _ct);

        var podsBefore = h.Collector.Seen.Count(s => Harness.Decode(s.Key.Id).Contains(".Pod.", StringComparison.Ordinal));
        h.Server.Put(Harness.Pod("ns0", "after-whitelist"));
        h.Server.Put(Harness.ConfigMap("ns0", "after-whitelist"));
        h.Server.Remove("configmaps", "ns0", "cm3");
        await Deadline.UntilAsync(() => h.Collector.State.Values.Any(e => e.Name == "after-whitelist"), TimeSpan.FromSeconds(10), _ct);
        await h.Collector.RequestStoreAsync(_ct);
        await Deadline.UntilAsync(() => h.Collector.StoreObjects > 0, TimeSpan.FromSeconds(10), _ct);

        Assert.Equal(podsBefore, h.Collector.Seen.Count(s => Harness.Decode(s.Key.Id).Contains(".Pod.", StringComparison.Ordinal)));
        Assert.DoesNotContain(h.Collector.Seen.Keys, k => k.Event == "DELETED" && Harness.Decode(k.Id).EndsWith(".ns0.cm3", StringComparison.Ordinal));
    }

    private static JsonObject Crd(string group, string plural, string kind, string version = "v1") => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{plural}.{group}" },
        ["spec"] = new JsonObject
        {
            ["group"] = group,
            ["scope"] = "Namespaced",
            ["names"] = new JsonObject { ["plural"] = plural, ["singular"] = kind.ToLowerInvariant(), ["kind"] = kind, ["listKind"] = kind + "List" },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = version,
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
            }),
        },
    };

    private static JsonObject Widget(string ns, string name) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["size"] = 3 },
    };

    private static JsonObject MeshSyncConfig(JsonObject data) => new()
    {
        ["apiVersion"] = "meshery.io/v1alpha1",
        ["kind"] = "MeshSync",
        ["metadata"] = new JsonObject { ["name"] = "meshery-meshsync", ["namespace"] = "meshery" },
        ["spec"] = new JsonObject { ["size"] = 1, ["watch-list"] = new JsonObject { ["data"] = data } },
    };
}
