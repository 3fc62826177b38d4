using Meshery.Testing.Waiting;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.Kubernetes;

/// <summary>A connection's status follows its cluster going away and coming back, within 10 s each way.</summary>
public sealed class ConnectionStatusMonitorTests : IAsyncLifetime
{
    private static readonly TimeSpan Reaction = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _folder = new();
    private FakeKubeApiServer _cluster = null!;
    private ModuleAgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _agent = await ModuleAgentHost.StartAsync(
            _folder, brokerUrl: null, new Dictionary<string, string> { ["Meshery:Kubernetes:MonitorInterval"] = "00:00:03" }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Status_follows_the_cluster_going_away_and_coming_back()
    {
        Assert.Equal("connected", Assert.Single(await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct))!["status"]!.GetValue<string>());

        await _cluster.StopAsync(Ct);
        var gone = await StatusBecomesAsync("not found");
        Assert.Contains("cannot be reached", gone["metadata"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        await _cluster.RestartAsync(Ct);
        await StatusBecomesAsync("connected");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> StatusBecomesAsync(string status)
    {
        var list = await Eventually.HoldsAsync(
            () => _agent.KubernetesConnectionsAsync(Ct),
            l => l.Single()!["status"]!.GetValue<string>() == status,
            Reaction,
            l => l.ToJsonString(),
            Ct);
        return list.Single()!;
    }
}
