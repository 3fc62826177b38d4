using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Remote.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Meshery.Agent.Remote.Tests.Data;

/// <summary>
/// A Prometheus connection made through the agent belongs to the signed-in user: another user signed in through the
/// same agent neither sees it nor reaches the server through it.
/// </summary>
[Collection(RemoteStackCollection.Name)]
public sealed class TelemetryIsolationTests(RemoteStackFixture stack) : IDisposable
{
    private readonly WireMockServer _prometheus = StartPrometheus();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _prometheus.Stop();

    [Fact(Timeout = TestLimits.Test)]
    public async Task Another_user_can_neither_see_nor_use_a_users_prometheus_connection()
    {
        using var owner = new AgentSession(stack);
        await owner.SignInAsync();
        var name = "prom-" + Guid.NewGuid().ToString("N")[..8];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["prometheusURL"] = _prometheus.Urls[0],
            ["prometheusKey"] = "token-" + name,
            ["prometheusConnectionName"] = name,
        });
        using var connected = await owner.Client.PostAsync("/api/telemetry/metrics/config", form, Cancel);
        var connection = JsonNode.Parse(await connected.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(connected.StatusCode == HttpStatusCode.OK, connection.ToJsonString());
        var id = (string)connection["id"]!;
        Assert.Contains((await ListAsync(owner)).AsArray(), c => (string?)c!["id"] == id);
        using var ownPing = await owner.Client.GetAsync($"/api/telemetry/metrics/ping/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, ownPing.StatusCode);

        using var other = new AgentSession(stack);
        await other.SignInAsync();
        Assert.DoesNotContain((await ListAsync(other)).AsArray(), c => (string?)c!["id"] == id);
        var before = _prometheus.LogEntries.Count();
        foreach (var path in (string[])[$"/api/telemetry/metrics/ping/{id}", $"/api/telemetry/metrics/query/{id}?query=query_result(up)", $"/api/prometheus/query_range/{id}?query=up&start=1&end=2&step=1"])
        {
            using var refused = await other.Client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var boards = await other.Client.PostAsync($"/api/telemetry/metrics/boards/{id}", new StringContent("[]", Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, boards.StatusCode);
        using var delete = await other.Client.DeleteAsync($"/api/integrations/connections/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(before, _prometheus.LogEntries.Count());

        // The owner's connection is untouched and still works.
        using var stillThere = await owner.Client.GetAsync($"/api/telemetry/metrics/ping/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        using var removed = await owner.Client.DeleteAsync($"/api/integrations/connections/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    private static async Task<JsonNode> ListAsync(AgentSession session)
    {
        using var response = await session.Client.GetAsync("/api/telemetry/metrics/config?pagesize=25", Cancel);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, page.ToJsonString());
        return page["connections"]!;
    }

    private static WireMockServer StartPrometheus()
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/api/v1/status/buildinfo").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"status":"success","data":{"version":"2.53.0"}}"""));
        return server;
    }
}
