using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class CustomResourceTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CRD_serves_its_resource_until_it_is_deleted()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var group = $"{fixture.NextId("g")}.example.com";
        var crd = await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Crd(group, "widgets", "Widget"), cancellationToken: _ct);
        var groups = await client.Apis.GetAPIVersionsAsync(_ct);
        var empty = TestObjects.Json(await client.CustomObjects.ListNamespacedCustomObjectAsync(group, "v1", ns, "widgets", cancellationToken: _ct));
        await using var watch = new WatchRecorder<object>((onError, ct) => client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            group, "v1", ns, "widgets", resourceVersion: empty.GetProperty("metadata").GetProperty("resourceVersion").GetString(), onError: onError, cancellationToken: ct), _ct);

        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget(group, "w1", size: 1), group, "v1", ns, "widgets", cancellationToken: _ct);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget(group, "w2", size: 2), group, "v1", ns, "widgets", cancellationToken: _ct);
        var listed = TestObjects.Json(await client.CustomObjects.ListNamespacedCustomObjectAsync(group, "v1", ns, "widgets", cancellationToken: _ct));
        var added = new[] { await watch.NextAsync(), await watch.NextAsync() };

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(groups.Groups, g => g.Name == group);
        Assert.Equal("WidgetList", listed.GetProperty("kind").GetString());
        Assert.Equal(["w1", "w2"], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        Assert.All(added, e => Assert.Equal(WatchEventType.Added, e.Type));
        Assert.Equal(1, TestObjects.Json(added[0].Object).GetProperty("metadata").GetProperty("generation").GetInt64());

        await client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: _ct);
        var deleted = new[] { await watch.NextAsync(), await watch.NextAsync() };
        var ended = await watch.EndAsync();
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ListNamespacedCustomObjectAsync(group, "v1", ns, "widgets", cancellationToken: _ct));
        var groupsAfter = await client.Apis.GetAPIVersionsAsync(_ct);

        Assert.All(deleted, e => Assert.Equal(WatchEventType.Deleted, e.Type));
        Assert.Null(ended);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.DoesNotContain(groupsAfter.Groups, g => g.Name == group);
    }

    [Fact]
    public async Task Custom_resource_status_subresource_and_generation()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var group = $"{fixture.NextId("g")}.example.com";
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Crd(group, "brokers", "Broker"), cancellationToken: _ct);
        var body = Widget(group, "b1", size: 1, kind: "Broker");
        body["status"] = new JsonObject { ["endpoint"] = "ignored-on-create" };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(body, group, "v1", ns, "brokers", cancellationToken: _ct);

        var withStatus = TestObjects.Json(await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"endpoint\":\"nats:4222\"}}", V1Patch.PatchType.MergePatch), group, "v1", ns, "brokers", "b1", cancellationToken: _ct));
        var resized = TestObjects.Json(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"size\":3},\"status\":{\"endpoint\":\"not-via-main\"}}", V1Patch.PatchType.MergePatch), group, "v1", ns, "brokers", "b1", cancellationToken: _ct));

        Assert.Equal("nats:4222", withStatus.GetProperty("status").GetProperty("endpoint").GetString());
        Assert.Equal(1, withStatus.GetProperty("metadata").GetProperty("generation").GetInt64());
        Assert.Equal("nats:4222", resized.GetProperty("status").GetProperty("endpoint").GetString());
        Assert.Equal(3, resized.GetProperty("spec").GetProperty("size").GetInt32());
        Assert.Equal(2, resized.GetProperty("metadata").GetProperty("generation").GetInt64());
    }

    [Fact]
    public async Task Cluster_scoped_custom_resources_through_GenericClient()
    {
        using var client = fixture.CreateClient();
        var group = $"{fixture.NextId("g")}.example.com";
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Crd(group, "gadgets", "Gadget", namespaced: false), cancellationToken: _ct);
        using var gadgets = new GenericClient(client, group, "v1", "gadgets", disposeClient: false);

        var created = await gadgets.CreateAsync(new Gadget { ApiVersion = $"{group}/v1", Kind = "Gadget", Metadata = new V1ObjectMeta { Name = "g1" }, Spec = new GadgetSpec { Color = "red" } }, _ct);
        var read = await gadgets.ReadAsync<Gadget>("g1", _ct);
        var list = await gadgets.ListAsync<CustomResourceList<Gadget>>(cancel: _ct);
        await gadgets.DeleteAsync<Gadget>("g1", _ct);
        var after = await gadgets.ListAsync<CustomResourceList<Gadget>>(cancel: _ct);

        Assert.Null(created.Metadata.NamespaceProperty);
        Assert.Equal("red", read.Spec.Color);
        Assert.Equal("g1", Assert.Single(list.Items).Metadata.Name);
        Assert.Empty(after.Items);
    }

    private static JsonObject Widget(string group, string name, int size, string kind = "Widget") => new()
    {
        ["apiVersion"] = $"{group}/v1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    public sealed class Gadget : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public V1ObjectMeta Metadata { get; set; } = new();

        public GadgetSpec Spec { get; set; } = new();
    }

    public sealed class GadgetSpec
    {
        public string Color { get; set; } = string.Empty;
    }

    public sealed class CustomResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
    {
        public string ApiVersion { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public V1ListMeta Metadata { get; set; } = new();

        public IList<T> Items { get; set; } = [];
    }
}
