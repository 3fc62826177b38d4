using System.Text.Json;
using k8s;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

[Collection(KubeCollection.Name)]
public sealed class WatchTests(FakeKubeApiServerFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_from_a_resourceVersion_sees_added_modified_deleted_in_order()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var list = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) =>
            client.CoreV1.WatchListNamespacedPodAsync(ns, resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);

        await client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), ns, cancellationToken: _ct);
        await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}", V1Patch.PatchType.MergePatch), "p1", ns, cancellationToken: _ct);
        await client.CoreV1.DeleteNamespacedPodAsync("p1", ns, cancellationToken: _ct);

        var added = await watch.NextAsync();
        var modified = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal(WatchEventType.Added, added.Type);
        Assert.Equal(WatchEventType.Modified, modified.Type);
        Assert.Equal("yes", modified.Object.Metadata.Labels["seen"]);
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.All(new[] { added, modified, deleted }, e => Assert.Equal("p1", e.Object.Metadata.Name));
        Assert.True(Rv(added.Object) < Rv(modified.Object) && Rv(modified.Object) < Rv(deleted.Object));
    }

    [Fact]
    public async Task Watch_without_resourceVersion_starts_with_current_objects()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("existing"), ns, cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) =>
            client.CoreV1.WatchListNamespacedPodAsync(ns, onError: onError, cancellationToken: ct), _ct);

        var first = await watch.NextAsync();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("later"), ns, cancellationToken: _ct);
        var second = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "existing"), (first.Type, first.Object.Metadata.Name));
        Assert.Equal((WatchEventType.Added, "later"), (second.Type, second.Object.Metadata.Name));
    }

    [Fact]
    public async Task SendInitialEvents_streams_the_state_then_an_initial_events_end_bookmark()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("existing"), ns, cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) => client.CoreV1.WatchListNamespacedPodAsync(
            ns, allowWatchBookmarks: true, sendInitialEvents: true, resourceVersionMatch: "NotOlderThan", onError: onError, cancellationToken: ct), _ct);

        var added = await watch.NextAsync();
        var bookmark = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "existing"), (added.Type, added.Object.Metadata.Name));
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal("true", bookmark.Object.Metadata.Annotations["k8s.io/initial-events-end"]);
        Assert.True(Rv(bookmark.Object) >= Rv(added.Object));
    }

    [Fact]
    public async Task Dropped_watch_resumes_from_the_last_seen_resourceVersion_without_gaps()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        await using var first = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c1"), "default", cancellationToken: _ct);
        var seen = await first.NextAsync();

        server.DropWatchConnections();
        var failure = await first.EndAsync();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c2"), "default", cancellationToken: _ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "default", cancellationToken: _ct);
        await using var resumed = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: seen.Object.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        var afterDrop = new[] { await resumed.NextAsync(), await resumed.NextAsync() };

        // KubernetesClient surfaces a reset watch connection as an IOException out of the enumeration.
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal("c1", seen.Object.Metadata.Name);
        Assert.Equal([(WatchEventType.Added, "c2"), (WatchEventType.Deleted, "c1")], afterDrop.Select(e => (e.Type, e.Object.Metadata.Name)));
    }

    [Fact]
    public async Task Watch_from_a_compacted_resourceVersion_gets_410_Expired()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { WatchHistorySize = 3 }, _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        for (var i = 0; i < 5; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"c{i}"), "default", cancellationToken: _ct);
        }

        await using var watch = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        var error = await watch.NextErrorAsync();
        var end = await watch.EndAsync();

        // The ERROR event reaches onError as a KubernetesException carrying the Status; then the server closes the stream.
        var expired = Assert.IsType<KubernetesException>(error);
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
        Assert.StartsWith($"too old resource version: {list.Metadata.ResourceVersion} (", expired.Status.Message, StringComparison.Ordinal);
        Assert.Null(end);
        Assert.False(watch.HasPendingEvent);
    }

    [Fact]
    public async Task Label_selector_watch_turns_relabels_into_added_and_deleted()
    {
        using var client = fixture.CreateClient();
        var ns = fixture.CreateNamespace();
        var list = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) =>
            client.CoreV1.WatchListNamespacedPodAsync(ns, labelSelector: "app=web", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);

        await client.CoreV1.CreateNamespacedPodAsync(Pod("db", new Dictionary<string, string> { ["app"] = "db" }), ns, cancellationToken: _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("web", new Dictionary<string, string> { ["app"] = "web" }), ns, cancellationToken: _ct);
        await Relabel(client, ns, "web", "db");
        await Relabel(client, ns, "db", "web");

        var events = new[] { await watch.NextAsync(), await watch.NextAsync(), await watch.NextAsync() };
        Assert.Equal(
            [(WatchEventType.Added, "web"), (WatchEventType.Deleted, "web"), (WatchEventType.Added, "db")],
            events.Select(e => (e.Type, e.Object.Metadata.Name)));
    }

    [Fact]
    public async Task Malformed_watch_line_reaches_onError_and_the_watch_goes_on()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("before"), "default", cancellationToken: _ct);
        await watch.NextAsync();

        server.SendRawWatchLine();
        var error = await watch.NextErrorAsync();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("after"), "default", cancellationToken: _ct);
        var next = await watch.NextAsync();

        Assert.IsAssignableFrom<JsonException>(error);
        Assert.Equal("after", next.Object.Metadata.Name);
    }

    [Fact]
    public async Task Watcher_callbacks_report_errors_and_closing()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        var events = new TaskCompletionSource<(WatchEventType, V1ConfigMap)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = client.CoreV1.WatchListNamespacedConfigMap(
            "default",
            resourceVersion: list.Metadata.ResourceVersion,
            onEvent: (type, obj) => events.TrySetResult((type, obj)),
            onError: e => errors.TrySetResult(e),
            onClosed: () => closed.TrySetResult());

        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("one"), "default", cancellationToken: _ct);
        var (type, obj) = await events.Task.WaitAsync(TimeSpan.FromSeconds(15), _ct);
        server.DropWatchConnections();
        var error = await errors.Task.WaitAsync(TimeSpan.FromSeconds(15), _ct);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15), _ct);

        Assert.Equal((WatchEventType.Added, "one"), (type, obj.Metadata.Name));
        Assert.IsAssignableFrom<IOException>(error);
        Assert.False(watcher.Watching);
    }

    private async Task Relabel(IKubernetes client, string ns, string name, string app) =>
        await client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch($"{{\"metadata\":{{\"labels\":{{\"app\":\"{app}\"}}}}}}", V1Patch.PatchType.MergePatch), name, ns, cancellationToken: _ct);
}
