using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class FinalizerTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finalizers_hold_a_deleted_object_until_they_are_removed()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("held", finalizers: ["example.com/hold"]), ns, cancellationToken: _ct);

        // The generated DeleteNamespacedConfigMapAsync returns V1Status; the server sends the object back.
        await client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns, cancellationToken: _ct);
        var stillThere = await client.CoreV1.ReadNamespacedConfigMapAsync("held", ns, cancellationToken: _ct);
        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/hold\",\"example.com/more\"]}}", V1Patch.PatchType.MergePatch), "held", ns, cancellationToken: _ct));
        await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "held", ns, cancellationToken: _ct);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("held", ns, cancellationToken: _ct));

        Assert.NotNull(stillThere.Metadata.DeletionTimestamp);
        Assert.Equal(["example.com/hold"], stillThere.Metadata.Finalizers);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forbidden.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        var events = new[] { await watch.NextAsync(), await watch.NextAsync(), await watch.NextAsync() };
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.NotNull(events[1].Object.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_objects()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), ns, cancellationToken: _ct);
        await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d"), ns, cancellationToken: _ct);

        await client.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: _ct);

        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: _ct)).Items);
        Assert.Empty((await client.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: _ct)).Items);
    }
}
