using Meshery.Testing.Waiting;
using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.Kubernetes;

/// <summary>Uploading a kubeconfig: one connection per context with a clear status; bad input is a one-line 400; nothing crashes.</summary>
public sealed class KubeconfigUploadTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private FakeKubeApiServer _cluster = null!;
    private ModuleAgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _agent = await ModuleAgentHost.StartAsync(_folder, brokerUrl: null, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_reachable_cluster_becomes_a_connected_kubernetes_connection()
    {
        var connection = Assert.Single(await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct))!;
        Assert.Equal("kubernetes", connection["kind"]!.GetValue<string>());
        Assert.Equal("platform", connection["type"]!.GetValue<string>());
        Assert.Equal("orchestrator", connection["subType"]!.GetValue<string>());
        Assert.Equal("connected", connection["status"]!.GetValue<string>());
        Assert.Equal("fake-kube", connection["name"]!.GetValue<string>());
        var metadata = connection["metadata"]!;
        Assert.Equal(_cluster.KubeSystemUid, metadata["kubernetesServerId"]!.GetValue<string>());
        Assert.Equal(_cluster.BaseUri.ToString().TrimEnd('/'), metadata["server"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(metadata["mesheryInstanceId"]!.GetValue<string>()));
        Assert.NotNull(connection["credentialId"]);
        Assert.Null(connection["credentialSecret"]);

        // Uploading the same kubeconfig again updates the same connection.
        var again = Assert.Single(await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct))!;
        Assert.Equal(connection["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Single(await _agent.KubernetesConnectionsAsync(Ct));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: [", "not a kubeconfig")]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n", "no contexts")]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: []\ncontexts:\n- name: a\n  context: {cluster: missing, user: u}\nusers: []\n", "does not define")]
    public async Task A_bad_kubeconfig_is_a_one_line_400(string yaml, string expected)
    {
        using var response = await _agent.UploadKubeconfigAsync(yaml, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.GetValue<string>();
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail);
        Assert.Empty(await _agent.KubernetesConnectionsAsync(Ct));
    }

    [Fact]
    public async Task A_request_without_the_file_or_too_large_is_refused()
    {
        using var notForm = await _agent.Client.PostAsync(new Uri("/api/system/kubernetes", UriKind.Relative), new StringContent("{}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);

        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var noFile = await _agent.Client.PostAsync(new Uri("/api/system/kubernetes", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);

        using var large = await _agent.UploadKubeconfigAsync("# " + new string('x', 2 * 1024 * 1024), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_not_found_with_a_reason()
    {
        var yaml = _cluster.KubeConfigYaml.Replace(_cluster.BaseUri.ToString().TrimEnd('/'), $"http://127.0.0.1:{FreePort.Next()}", StringComparison.Ordinal);
        var connection = Assert.Single(await _agent.UploadKubeconfigOkAsync(yaml, Ct))!;
        Assert.Equal("not found", connection["status"]!.GetValue<string>());
        Assert.Contains("cannot be reached", connection["metadata"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_reads_leave_the_connection_discovered_with_a_reason()
    {
        _cluster.Forbid("namespaces", "list");
        var connection = Assert.Single(await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct))!;
        Assert.Equal("discovered", connection["status"]!.GetValue<string>());
        Assert.Contains("403", connection["metadata"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Once allowed, the monitor connects it.
        _cluster.ClearFaults();
        await Eventually.HoldsAsync(
            () => _agent.KubernetesConnectionsAsync(Ct),
            list => list.Single()!["status"]!.GetValue<string>() == "connected",
            TimeSpan.FromSeconds(10),
            list => list.ToJsonString(),
            Ct);
    }

    [Fact]
    public async Task Wrong_credentials_leave_the_connection_discovered_with_a_reason()
    {
        var yaml = _cluster.KubeConfigYaml.Replace("token: fake-kube-token", "token: wrong", StringComparison.Ordinal);
        var connection = Assert.Single(await _agent.UploadKubeconfigOkAsync(yaml, Ct))!;
        Assert.Equal("discovered", connection["status"]!.GetValue<string>());
        Assert.Contains("401", connection["metadata"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
