using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Adapters.Tests.MeshAdapters;

/// <summary>The agent in Meshery Server's role with a real adapter over gRPC and a cluster (the fake API server) connected.</summary>
public sealed class AdapterOperationEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private FakeKubeApiServer _cluster = null!;
    private AdapterHost _adapter = null!;
    private AgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _adapter = await AdapterHost.StartAsync(cancellationToken: Ct);
        _agent = await AgentHost.StartAsync(_folder, settings: new Dictionary<string, string>
        {
            ["Meshery:Agent:Adapters:Locations:0"] = _adapter.Location,
        }, cancellationToken: Ct);
        await _agent.ConnectClusterAsync(_cluster.KubeConfigYaml, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _adapter.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_configured_adapter_is_listed_live_with_its_operations()
    {
        var adapter = Assert.Single(await _agent.AdaptersAsync(Ct))!;

        Assert.Equal(_adapter.Location, adapter["adapterLocation"]!.GetValue<string>());
        Assert.Equal("MESHERY-SAMPLE", adapter["name"]!.GetValue<string>());
        Assert.Equal("v0.1.0", adapter["version"]!.GetValue<string>());
        Assert.True(adapter["live"]!.GetValue<bool>());
        Assert.Equal(["custom", "httpbin", "label-namespace"], adapter["ops"]!.AsArray().Select(o => o!["key"]!.GetValue<string>()));
        Assert.Equal(["v1.0.0"], adapter["meshVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task An_operation_runs_on_the_connected_cluster_and_its_events_become_the_users()
    {
        using var response = await _agent.OperateAsync(new Dictionary<string, string>
        {
            ["adapter"] = _adapter.Location,
            ["query"] = "custom",
            ["namespace"] = "from-agent",
            ["customBody"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-agent\ndata:\n  a: b\n",
        }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operationId = body!["operationId"]!.GetValue<string>();
        Assert.True(Guid.TryParse(operationId, out _));

        var events = await Eventually.HoldsAsync(
            () => _agent.EventsOfAsync(operationId, Ct),
            e => e.Any(x => x["description"]!.GetValue<string>() == "Custom YAML applied"),
            "the operation's last event is recorded",
            Ct);
        Assert.Contains(events, e => e["description"]!.GetValue<string>() == "Applying Custom YAML");
        Assert.All(events, e =>
        {
            Assert.Equal(("adapter", "custom", "informational"), (e["category"]!.GetValue<string>(), e["action"]!.GetValue<string>(), e["severity"]!.GetValue<string>()));
            Assert.Equal(_adapter.Location, e["metadata"]!["adapter"]!.GetValue<string>());
        });
        Assert.Equal("b", _cluster.Find("configmaps", "from-agent", "via-agent")!["data"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_operation_becomes_an_error_event_of_the_user()
    {
        using var response = await _agent.OperateAsync(new Dictionary<string, string> { ["adapter"] = _adapter.Location, ["query"] = "istio" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operationId = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["operationId"]!.GetValue<string>();

        var error = Assert.Single(await Eventually.HoldsAsync(() => _agent.EventsOfAsync(operationId, Ct), e => e.Count > 0, "the error event is recorded", Ct));
        Assert.Equal("error", error["severity"]!.GetValue<string>());
        Assert.Equal("Operation istio is not supported", error["description"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["metadata"]!["suggestedRemediation"]?.GetValue<string>()));
    }

    [Fact]
    public async Task An_adapter_in_the_users_preferences_is_listed_and_usable()
    {
        await using var second = await AdapterHost.StartAsync(settings: new Dictionary<string, string> { ["Meshery:Adapter:MeshName"] = "SECOND" }, cancellationToken: Ct);
        using var prefs = await _agent.Client.PostAsJsonAsync(
            new Uri("/api/user/prefs", UriKind.Relative), new JsonObject { ["meshAdapters"] = new JsonArray(new JsonObject { ["adapterLocation"] = second.Location }) }, Ct);
        Assert.True(prefs.IsSuccessStatusCode, await prefs.Content.ReadAsStringAsync(Ct));

        var adapters = await _agent.AdaptersAsync(Ct);
        Assert.Equal([_adapter.Location, second.Location], adapters.Select(a => a!["adapterLocation"]!.GetValue<string>()));
        Assert.Equal("SECOND", adapters[1]!["name"]!.GetValue<string>());
        Assert.True(adapters[1]!["live"]!.GetValue<bool>());

        using var response = await _agent.OperateAsync(new Dictionary<string, string> { ["adapter"] = second.Location, ["query"] = "httpbin", ["namespace"] = "second" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(_cluster.Find("deployments.apps", "second", "httpbin")), d => d is not null, "httpbin is deployed", Ct);
    }

    [Theory]
    [InlineData(null, "custom", "no 'adapter'")]
    [InlineData("not a location", "custom", "not an adapter location")]
    [InlineData("127.0.0.1:1", "custom", "not one of this user's adapters")]
    [InlineData("ADAPTER", "", "no 'query'")]
    public async Task Bad_forms_are_refused_with_problem_details(string? adapter, string query, string detail)
    {
        var fields = new Dictionary<string, string> { ["query"] = query };
        if (adapter is not null)
        {
            fields["adapter"] = adapter == "ADAPTER" ? _adapter.Location : adapter;
        }

        using var response = await _agent.OperateAsync(fields, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task A_json_body_is_refused_with_problem_details()
    {
        using var response = await _agent.Client.PostAsJsonAsync(
            new Uri("/api/system/adapter/operation", UriKind.Relative), new JsonObject { ["adapter"] = _adapter.Location, ["query"] = "custom" }, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "as a form");
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonNode.Parse(text)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
