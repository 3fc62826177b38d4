using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Bookmarks and watch timeouts, driven by a fake clock instead of waiting.</summary>
public sealed class WatchTimingTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Bookmarks_carry_the_latest_resourceVersion()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { TimeProvider = _time, BookmarkInterval = TimeSpan.FromSeconds(30) }, _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) => client.CoreV1.WatchListNamespacedPodAsync(
            "default", allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default", cancellationToken: _ct);
        var added = await watch.NextAsync();
        // A write to another resource moves the cluster resourceVersion on; the bookmark reports it.
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("elsewhere"), "default", cancellationToken: _ct);

        _time.Advance(TimeSpan.FromSeconds(30));
        var bookmark = await watch.NextAsync();

        Assert.Equal(WatchEventType.Added, added.Type);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(server.ResourceVersion, bookmark.Object.Metadata.ResourceVersion);
        Assert.True(Rv(bookmark.Object) > Rv(added.Object));
        Assert.Null(bookmark.Object.Metadata.Name);
        Assert.Equal("Pod", bookmark.Object.Kind);
    }

    [Fact]
    public async Task Watches_without_allowWatchBookmarks_get_none()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { TimeProvider = _time, BookmarkInterval = TimeSpan.FromSeconds(30) }, _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) => client.CoreV1.WatchListNamespacedPodAsync(
            "default", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "default", cancellationToken: _ct);
        await watch.NextAsync();

        _time.Advance(TimeSpan.FromMinutes(5));
        await client.CoreV1.CreateNamespacedPodAsync(Pod("b"), "default", cancellationToken: _ct);
        var next = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "b"), (next.Type, next.Object.Metadata.Name));
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_watch_cleanly()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { TimeProvider = _time }, _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) => client.CoreV1.WatchListNamespacedPodAsync(
            "default", resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 60, onError: onError, cancellationToken: ct), _ct);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "default", cancellationToken: _ct);
        await watch.NextAsync();

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(await watch.EndAsync());
        Assert.Equal(0, server.OpenWatchCount);
    }

    [Fact]
    public async Task A_watch_that_ends_before_its_first_event_fails_in_the_client()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { TimeProvider = _time }, _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1Pod>((onError, ct) => client.CoreV1.WatchListNamespacedPodAsync(
            "default", resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 60, onError: onError, cancellationToken: ct), _ct);
        await server.WaitForWatchersAsync(1, _ct);

        _time.Advance(TimeSpan.FromSeconds(60));
        var end = await watch.EndAsync();

        // KubernetesClient peeks the first line before returning the response, so a watch that closes with no
        // event fails: HttpRequestException "Error while copying content to a stream" around an EndOfStreamException.
        var failure = Assert.IsType<HttpRequestException>(end);
        Assert.IsType<EndOfStreamException>(failure.InnerException);
    }
}
