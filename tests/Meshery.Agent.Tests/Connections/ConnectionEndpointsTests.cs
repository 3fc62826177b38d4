using System.Net;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Tests.Connections;

public sealed class ConnectionEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_snake_case_connection_with_a_secret_is_saved_with_a_linked_credential()
    {
        var name = host.NextId("snake");
        var secret = "token-" + Guid.NewGuid().ToString("N");
        using var saved = await host.Client.PostJsonAsync(
            "/api/integrations/connections",
            $$"""{"kind":"kubernetes","name":"{{name}}","sub_type":"orchestrator","credential_secret":{"token":"{{secret}}"},"skip_credential_verification":true}""");
        var body = await saved.ReadJsonAsync(HttpStatusCode.Created);
        var raw = body.ToJsonString();

        Assert.Equal(name, (string?)body["name"]);
        Assert.Equal("orchestrator", (string?)body["subType"]);
        Assert.Equal("discovered", (string?)body["status"]);
        Assert.Equal($"/api/integrations/connections/{body["id"]}", saved.Headers.Location?.OriginalString);
        Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("credentialSecret", raw, StringComparison.Ordinal);
        var credentialId = Guid.Parse((string)body["credentialId"]!);
        var credential = await host.Services.GetRequiredService<ICredentialStore>().GetAsync(LocalUser.Caller, credentialId, Ct);
        Assert.Equal(secret, (string?)credential!.Value.Secret!["token"]);
        Assert.False(RawFiles.Contain(host.DatabasePath, secret));
    }

    [Fact]
    public async Task A_camel_case_connection_is_listed_filtered_and_deleted()
    {
        var name = host.NextId("camel");
        using var saved = await host.Client.PostJsonAsync(
            "/api/integrations/connections", $$"""{"kind":"prometheus","name":"{{name}}","subType":"monitoring","status":"connected","type":"telemetry"}""");
        var id = (string)(await saved.ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        var byName = await host.Client.GetOkAsync($"/api/integrations/connections?name={name}");
        var byKindAndStatus = await host.Client.GetOkAsync($"/api/integrations/connections?kind=prometheus&status=connected&search={name}");
        var byStatusList = await host.Client.GetOkAsync($"/api/integrations/connections?status=connected,registered&search={name}");
        var notMatching = await host.Client.GetOkAsync($"/api/integrations/connections?kind=grafana&search={name}");
        var byId = await host.Client.GetOkAsync($"/api/integrations/connections/{id}");
        using var deleted = await host.Client.DeleteAsync($"/api/integrations/connections/{id}", Ct);
        var deletedBody = await deleted.ReadOkAsync();
        using var again = await host.Client.DeleteAsync($"/api/integrations/connections/{id}", Ct);

        var listed = Assert.Single(byName["connections"]!.AsArray())!;
        Assert.Equal(id, (string?)listed["id"]);
        Assert.Equal("monitoring", (string?)listed["subType"]);
        Assert.Equal("telemetry", (string?)listed["type"]);
        Assert.Equal(1, (int)byName["totalCount"]!);
        Assert.True((int)byName["statusSummary"]!["connected"]! >= 1);
        Assert.Equal(1, (int)byKindAndStatus["totalCount"]!);
        Assert.Equal(1, (int)byStatusList["totalCount"]!);
        Assert.Equal(0, (int)notMatching["totalCount"]!);
        Assert.Equal("deleted", (string?)deletedBody["status"]);
        Assert.Equal(id, (string?)deletedBody["id"]);
        await again.AssertProblemAsync(HttpStatusCode.NotFound, id);
        Assert.Equal(name, (string?)byId["name"]);
        Assert.Equal("prometheus", (string?)byId["kind"]);
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/integrations/connections/{id}", HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Posting_a_known_id_updates_the_connection()
    {
        using var saved = await host.Client.PostJsonAsync("/api/integrations/connections", $$"""{"kind":"grafana","name":"{{host.NextId("g")}}"}""");
        var id = (string)(await saved.ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        using var again = await host.Client.PostJsonAsync("/api/integrations/connections", $$"""{"id":"{{id}}","kind":"grafana","status":"registered"}""");
        var body = await again.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(id, (string?)body["id"]);
        Assert.Equal("registered", (string?)body["status"]);
        Assert.Equal("\"2\"", AgentHttp.ETagOf(again));
    }

    [Fact]
    public async Task Bad_input_answers_problem_details()
    {
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/integrations/connections?status=bogus", HttpStatusCode.BadRequest, "'status' has the unknown value 'bogus'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/integrations/connections?pagesize=abc", HttpStatusCode.BadRequest, "pagesize");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/integrations/connections", HttpStatusCode.BadRequest, "'kind' is required", """{"name":"no kind"}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/integrations/connections", HttpStatusCode.BadRequest, "status", """{"kind":"k","status":"exploded"}""");
        await host.Client.SendProblemAsync(HttpMethod.Delete, "/api/integrations/connections/nope", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/integrations/connections/nope", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Delete, $"/api/integrations/connections/{Guid.NewGuid()}", HttpStatusCode.NotFound, "was not found");
    }
}
