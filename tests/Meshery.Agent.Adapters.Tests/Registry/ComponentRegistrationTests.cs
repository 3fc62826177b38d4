using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Tests.MeshAdapters;
using Meshery.Agent.Adapters.Tests.Support;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Adapters.Tests.Registry;

/// <summary>Registration: an adapter retries until the agent is there; the agent takes both body forms and refuses bad ones.</summary>
public sealed class ComponentRegistrationTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private AgentHost? _agent;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task An_adapter_retries_registration_until_the_agent_starts()
    {
        var agentPort = FreePort.Next();
        await using var adapter = await AdapterHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Meshery:Adapter:Register"] = "true",
            ["Meshery:Adapter:ServerUrl"] = $"http://127.0.0.1:{agentPort}",
            ["Meshery:Adapter:ServiceAddress"] = "sample-adapter",
            ["Meshery:Adapter:RegistrationInitialBackoff"] = "00:00:00.050",
            ["Meshery:Adapter:RegistrationMaxBackoff"] = "00:00:00.300",
        }, cancellationToken: Ct);
        await Eventually.HoldsAsync(() => Task.FromResult(adapter.Registration.Attempts), a => a >= 3, "the adapter has tried three times", Ct);
        Assert.False(adapter.Registration.IsRegistered);

        _agent = await AgentHost.StartAsync(_folder, agentPort, cancellationToken: Ct);
        await Eventually.HoldsAsync(() => Task.FromResult(adapter.Registration.IsRegistered), r => r, "the adapter is registered", Ct);

        var registrant = Assert.Single((await RegistrantsAsync("/api/registry/registrants"))!)!;
        Assert.Equal($"sample-adapter:{adapter.Port}", registrant["name"]!.GetValue<string>());
        Assert.Equal("meshery-adapter", registrant["kind"]!.GetValue<string>());
        Assert.Equal(adapter.Registration.InstanceId, registrant["metadata"]!["instanceId"]!.GetValue<string>());
        Assert.Equal((1, 1), (registrant["summary"]!["components"]!.GetValue<int>(), registrant["summary"]!["models"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("/api/meshmodel/components/register")]
    [InlineData("/api/registry/components")]
    [InlineData("/api/meshmodels/components")]
    public async Task Both_body_forms_are_recorded(string route)
    {
        _agent = await AgentHost.StartAsync(_folder, cancellationToken: Ct);
        var legacy = new JsonObject
        {
            ["host"] = new JsonObject { ["Hostname"] = "meshery-istio", ["Port"] = 10000, ["Metadata"] = "instance-1", ["IHost"] = null },
            ["entityType"] = "component",
            ["entity"] = Entity("istio", "VirtualService"),
        };
        var current = new JsonObject
        {
            ["connection"] = new JsonObject { ["kind"] = "github", ["name"] = "meshery-models", ["type"] = "registry", ["subType"] = "source" },
            ["entityType"] = "component",
            ["entity"] = Entity("kuma", "MeshTrafficPermission"),
        };

        foreach (var body in new[] { legacy, current })
        {
            using var response = await _agent.Client.PostAsJsonAsync(new Uri(route, UriKind.Relative), body, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["created"]!.GetValue<bool>());
        }

        using (var again = await _agent.Client.PostAsJsonAsync(new Uri(route, UriKind.Relative), legacy, Ct))
        {
            Assert.False((await again.Content.ReadFromJsonAsync<JsonObject>(Ct))!["created"]!.GetValue<bool>());
        }

        var registrants = await RegistrantsAsync("/api/meshmodels/registrants");
        Assert.Equal(["meshery-istio:10000", "meshery-models"], registrants.Select(r => r!["name"]!.GetValue<string>()).Order());
        Assert.All(registrants, r => Assert.Equal(1, r!["summary"]!["components"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_full_registry_refuses_new_registrants_and_keeps_the_old()
    {
        _agent = await AgentHost.StartAsync(_folder, settings: new Dictionary<string, string> { ["Meshery:Agent:Registry:MaxRegistrants"] = "1" }, cancellationToken: Ct);
        JsonObject Body(string host) => new()
        {
            ["host"] = new JsonObject { ["Hostname"] = host, ["Port"] = 10000 },
            ["entityType"] = "component",
            ["entity"] = Entity("istio", "Gateway"),
        };

        using (var first = await _agent.Client.PostAsJsonAsync(new Uri("/api/registry/components", UriKind.Relative), Body("first"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await _agent.Client.PostAsJsonAsync(new Uri("/api/registry/components", UriKind.Relative), Body("second"), Ct);
        await AdapterOperationEndpointTests.AssertProblemAsync(second, HttpStatusCode.ServiceUnavailable, "registry holds");
        Assert.Equal(["first:10000"], (await RegistrantsAsync("/api/registry/registrants")).Select(r => r!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entityType":"relationship","entity":"e30="}""", "only component")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entity":"e30="}""", "no entityType")]
    [InlineData("""{"entityType":"component","entity":"e30="}""", "names no registrant")]
    [InlineData("""{"host":{"Hostname":"","Port":1},"entityType":"component","entity":"e30="}""", "Hostname")]
    [InlineData("""{"host":{"Hostname":"a","Port":70000},"entityType":"component","entity":"e30="}""", "port number")]
    [InlineData("""{"connection":{"name":"x"},"entityType":"component","entity":"e30="}""", "connection has no kind")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entityType":"component","entity":"%%%"}""", "not base64")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entityType":"component"}""", "no entity")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entityType":"component","entity":"e30="}""", "no model.name")]
    [InlineData("""{"host":{"Hostname":"a","Port":1},"entityType":"component","entity":{"model":{"name":"m"},"component":{}}}""", "no component.kind")]
    public async Task Bad_bodies_are_refused_with_problem_details(string body, string detail)
    {
        _agent = await AgentHost.StartAsync(_folder, cancellationToken: Ct);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _agent.Client.PostAsync(new Uri("/api/meshmodel/components/register", UriKind.Relative), content, Ct);

        await AdapterOperationEndpointTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Empty(await RegistrantsAsync("/api/registry/registrants"));
    }

    private static string Entity(string model, string kind) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = "components.meshery.io/v1beta1",
            ["component"] = new JsonObject { ["kind"] = kind, ["version"] = "v1" },
            ["model"] = new JsonObject { ["name"] = model },
        }.ToJsonString()));

    private async Task<JsonArray> RegistrantsAsync(string route) =>
        (await _agent!.Client.GetFromJsonAsync<JsonObject>(new Uri(route, UriKind.Relative), Ct))!["registrants"]!.AsArray();
}
