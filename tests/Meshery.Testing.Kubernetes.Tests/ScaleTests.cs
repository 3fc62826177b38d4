using System.Diagnostics;
using k8s;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Volume checks (no timing assertions): 100k objects paged by 500, and watch fan-out.</summary>
public sealed class ScaleTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Holds_100k_objects_and_lists_them_in_pages_of_500()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { AutoCreateNamespaces = true }, _ct);
        using var client = server.CreateClient();
        var clock = Stopwatch.StartNew();
        server.PutMany(Enumerable.Range(0, 100_000).Select(i => RawConfigMap($"ns-{i % 50}", $"cm-{i}")));
        server.PutMany(Enumerable.Range(0, 50).Select(i => new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = $"ns-{i}" },
        }));
        var seeded = clock.Elapsed;

        clock.Restart();
        var count = 0;
        var pages = 0;
        string? token = null;
        do
        {
            var page = await client.CoreV1.ListConfigMapForAllNamespacesAsync(limit: 500, continueParameter: token, cancellationToken: _ct);
            count += page.Items.Count;
            pages++;
            token = page.Metadata.ContinueProperty;
        }
        while (token is not null);

        TestContext.Current.TestOutputHelper?.WriteLine($"seeded 100k in {seeded}, listed {pages} pages in {clock.Elapsed}");
        Assert.Equal(100_000, count);
        Assert.Equal(200, pages);
        Assert.Equal(2_000, server.Count("configmaps", "ns-7"));
    }

    [Fact]
    public async Task Many_watchers_each_receive_every_event_in_order()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        var watchers = Enumerable.Range(0, 40).Select(_ => new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, onError: onError, cancellationToken: ct), _ct)).ToList();
        try
        {
            server.PutMany(Enumerable.Range(0, 300).Select(i => RawConfigMap("default", $"c{i:D3}")));

            foreach (var watcher in watchers)
            {
                for (var i = 0; i < 300; i++)
                {
                    var (type, obj) = await watcher.NextAsync();
                    Assert.Equal((WatchEventType.Added, $"c{i:D3}"), (type, obj.Metadata.Name));
                }
            }
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }
}
