using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Perf.Tests.Support;
using Meshery.Testing.Network;

namespace Meshery.Agent.Perf.Tests.Agent;

public sealed class PerfUnreachableTests : IAsyncLifetime
{
    private readonly PerfAgent _agent = new();

    public async ValueTask InitializeAsync()
    {
        // The perf module off, and Meshery Perf configured where nothing listens.
        _agent.Settings["Meshery:Agent:Modules:Perf"] = "false";
        _agent.Settings["Meshery:Agent:Perf:Address"] = $"http://127.0.0.1:{FreePort.Next()}";
        await _agent.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task A_run_when_Meshery_Perf_is_away_is_service_unavailable_naming_the_switch()
    {
        var ct = TestContext.Current.CancellationToken;
        var profileId = await _agent.CreateProfileAsync(new JsonObject { ["name"] = "away", ["endpoints"] = new JsonArray("http://127.0.0.1:1/") }, ct);

        var (status, contentType, events, body) = await ServerSentEvents.ReadAsync(_agent.Client, $"/api/user/performance/profiles/{profileId}/run", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Empty(events);
        Assert.Contains("Meshery:Agent:Modules:Perf", (string?)JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
    }
}
