using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Adapters.Tests.MeshAdapters;

/// <summary>An adapter going away shows as not live within 10 s and live again after it restarts, its events flowing again.</summary>
public sealed class AdapterLivenessTests : IAsyncLifetime
{
    private static readonly TimeSpan Reaction = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _folder = new();
    private readonly int _port = FreePort.Next();
    private FakeKubeApiServer _cluster = null!;
    private AdapterHost? _adapter;
    private AgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _adapter = await AdapterHost.StartAsync(_port, cancellationToken: Ct);
        _agent = await AgentHost.StartAsync(_folder, settings: new Dictionary<string, string>
        {
            ["Meshery:Agent:Adapters:Locations:0"] = $"127.0.0.1:{_port}",
        }, cancellationToken: Ct);
        await _agent.ConnectClusterAsync(_cluster.KubeConfigYaml, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }

        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Status_follows_the_adapter_stopping_and_restarting()
    {
        await LiveBecomesAsync(true);

        await _adapter!.DisposeAsync();
        _adapter = null;
        var down = await LiveBecomesAsync(false);
        Assert.False(string.IsNullOrEmpty(down["error"]?.GetValue<string>()));

        using (var refused = await _agent.OperateAsync(new Dictionary<string, string> { ["adapter"] = $"127.0.0.1:{_port}", ["query"] = "httpbin" }, Ct))
        {
            await AdapterOperationEndpointTests.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "not reachable");
        }

        _adapter = await AdapterHost.StartAsync(_port, cancellationToken: Ct);
        await LiveBecomesAsync(true);

        // The event stream is open again: an operation's events reach the user.
        using var response = await _agent.OperateAsync(new Dictionary<string, string> { ["adapter"] = $"127.0.0.1:{_port}", ["query"] = "httpbin", ["namespace"] = "again" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operationId = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["operationId"]!.GetValue<string>();
        await Eventually.HoldsAsync(
            () => _agent.EventsOfAsync(operationId, Ct),
            e => e.Any(x => x["description"]!.GetValue<string>() == "httpbin sample application applied"),
            "the operation's events arrive after the restart",
            Ct);
    }

    private async Task<JsonNode> LiveBecomesAsync(bool live)
    {
        var adapters = await Eventually.HoldsAsync(
            () => _agent.AdaptersAsync(Ct),
            a => a.Single()!["live"]!.GetValue<bool>() == live,
            live ? Reaction * 2 : Reaction,
            a => a.ToJsonString(),
            Ct);
        return adapters.Single()!;
    }
}
