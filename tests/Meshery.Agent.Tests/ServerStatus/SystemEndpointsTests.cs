using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.ServerStatus;

public sealed class SystemEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_and_readyz_answer_200_with_a_good_database()
    {
        var health = await host.Client.GetOkAsync("/healthz");
        var ready = await host.Client.GetOkAsync("/readyz");

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Contains(host.DatabasePath, (string?)ready["checks"]!["provider"], StringComparison.Ordinal);
        Assert.True(File.Exists(host.DatabasePath));
    }

    [Fact]
    public async Task Version_answers_with_meshery_keys()
    {
        using var response = await host.Client.GetAsync("/api/system/version", Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("v", (string?)body["build"], StringComparison.Ordinal);
        Assert.Equal((string?)body["build"], (string?)body["latest"]);
        Assert.False((bool)body["outdated"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["commitsha"]));
        Assert.Equal("stable", (string?)body["release_channel"]);
    }

    [Fact]
    public async Task Unknown_routes_answer_404_problem_details()
    {
        using var response = await host.Client.GetAsync("/api/no/such/route", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
