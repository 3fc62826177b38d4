using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Meshery.Testing.Kubernetes.Tests.TestObjects;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Fault injection and server lifecycle; each test owns its server because faults are server-wide.</summary>
public sealed class FaultTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forbidden_list_and_watch_are_HttpOperationException_403()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default", cancellationToken: _ct);
        server.Forbid("pods", "list", "watch");

        var list = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct));
        var watch = await Assert.ThrowsAsync<HttpOperationException>(async () =>
        {
            await foreach (var _ in client.CoreV1.WatchListNamespacedPodAsync("default", cancellationToken: _ct))
            {
            }
        });
        var get = await client.CoreV1.ReadNamespacedPodAsync("p", "default", cancellationToken: _ct);
        var configMaps = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        server.ClearFaults();
        var afterClear = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);

        Assert.All(new[] { list, watch }, e => Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode));
        var status = StatusOf(list);
        Assert.Equal("Forbidden", status.Reason);
        Assert.Equal(403, status.Code);
        Assert.Contains("cannot list resource \"pods\"", status.Message, StringComparison.Ordinal);
        Assert.Contains("cannot watch resource \"pods\"", StatusOf(watch).Message, StringComparison.Ordinal);
        Assert.Equal("p", get.Metadata.Name);
        Assert.NotNull(configMaps);
        Assert.Single(afterClear.Items);
    }

    [Fact]
    public async Task Wrong_token_is_401()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        var config = server.CreateClientConfiguration();
        config.AccessToken = "wrong";
        using var client = new k8s.Kubernetes(config);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync(cancellationToken: _ct));

        Assert.Equal(HttpStatusCode.Unauthorized, e.Response.StatusCode);
    }

    [Fact]
    public async Task Restart_keeps_the_port_and_the_cluster_and_resets_watches()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var port = server.Port;
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("survivor"), "default", cancellationToken: _ct);
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, ct) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: "0", onError: onError, cancellationToken: ct), _ct);
        await watch.NextAsync();

        await server.StopAsync(_ct);
        var watchEnd = await watch.EndAsync();
        var down = await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct));
        await server.RestartAsync(_ct);
        var after = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: _ct);

        Assert.NotNull(watchEnd);
        Assert.NotNull(down);
        Assert.Equal(port, server.Port);
        Assert.True(server.IsRunning);
        Assert.Equal("survivor", Assert.Single(after.Items).Metadata.Name);
        Assert.Equal(list.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Kubeconfig_file_configures_KubernetesClient()
    {
        await using var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { ContextName = "meshery-test" }, _ct);
        var folder = Directory.CreateTempSubdirectory("fake-kube-");
        try
        {
            var path = await server.WriteKubeConfigAsync(Path.Combine(folder.FullName, "config"), _ct);
            var fromFile = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            using var client = new k8s.Kubernetes(fromFile);

            var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: _ct);

            Assert.Equal("meshery-test", fromFile.CurrentContext);
            Assert.Equal("default", fromFile.Namespace);
            Assert.Equal(["default", "kube-system"], namespaces.Items.Select(n => n.Metadata.Name).Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Requests_are_counted_per_path()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();

        await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: _ct);
        await client.CoreV1.ListNamespacedPodAsync("default", limit: 1, cancellationToken: _ct);
        await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: _ct);

        Assert.Equal(2, server.GetRequestCount("/api/v1/namespaces/default/pods"));
        Assert.Equal(1, server.GetRequestCount("/api/v1/pods"));
        Assert.Equal(0, server.GetRequestCount("/api/v1/nodes"));
        server.ResetRequestCounts();
        Assert.Empty(server.GetRequestCounts());
    }
}
