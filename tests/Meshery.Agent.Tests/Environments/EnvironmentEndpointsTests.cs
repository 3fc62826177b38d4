using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Environments;

public sealed class EnvironmentEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_get_update_delete_over_http()
    {
        var name = host.NextId("crud");
        var org = Guid.NewGuid();
        using var created = await host.Client.PostJsonAsync("/api/environments", $$"""{"name":"{{name}}","description":"d","organization_id":"{{org}}"}""");
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = (string)body["id"]!;

        using var get = await host.Client.GetAsync($"/api/environments/{id}", Ct);
        var read = await get.ReadOkAsync();
        using var put = await host.Client.PutJsonAsync($"/api/environments/{id}", """{"description":"changed"}""", AgentHttp.ETagOf(get));
        var updated = await put.ReadOkAsync();
        using var delete = await host.Client.DeleteAsync($"/api/environments/{id}", Ct);
        using var deleteAgain = await host.Client.DeleteAsync($"/api/environments/{id}", Ct);
        using var getAgain = await host.Client.GetAsync($"/api/environments/{id}", Ct);

        Assert.Equal($"/api/environments/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", AgentHttp.ETagOf(created));
        Assert.Equal(name, (string?)body["name"]);
        Assert.Equal(org.ToString(), (string?)body["organizationId"]);
        Assert.Equal("a449604d-3f10-58f4-95ff-a9385c2fad6a", (string?)body["owner"]);
        Assert.Equal("environments.meshery.io/v1beta3", (string?)body["schemaVersion"]);
        Assert.Null(body["deletedAt"]);
        Assert.Equal(body.ToJsonString(), read.ToJsonString());
        Assert.Equal("\"1\"", AgentHttp.ETagOf(get));
        Assert.Equal("changed", (string?)updated["description"]);
        Assert.Equal(name, (string?)updated["name"]);
        Assert.Equal("\"2\"", AgentHttp.ETagOf(put));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await deleteAgain.AssertProblemAsync(HttpStatusCode.NotFound, id);
        await getAgain.AssertProblemAsync(HttpStatusCode.NotFound, id);
    }

    [Fact]
    public async Task Camel_case_and_snake_case_bodies_mean_the_same()
    {
        var org = Guid.NewGuid();
        using var camel = await host.Client.PostJsonAsync("/api/environments", $$"""{"name":"{{host.NextId("camel")}}","organizationId":"{{org}}"}""");
        using var snake = await host.Client.PostJsonAsync("/api/environments", $$"""{"name":"{{host.NextId("snake")}}","organization_id":"{{org}}"}""");

        Assert.Equal(org.ToString(), (string?)(await camel.ReadJsonAsync(HttpStatusCode.Created))["organizationId"]);
        Assert.Equal(org.ToString(), (string?)(await snake.ReadJsonAsync(HttpStatusCode.Created))["organizationId"]);
        var inOrg = await host.Client.GetOkAsync($"/api/environments?orgId={org}");
        Assert.Equal(2, (int)inOrg["totalCount"]!);
        var inOrgSnake = await host.Client.GetOkAsync($"/api/environments?org_id={org}");
        Assert.Equal(2, (int)inOrgSnake["totalCount"]!);
    }

    [Fact]
    public async Task Lists_page_search_and_order_with_either_page_size_spelling()
    {
        var prefix = host.NextId("paged");
        for (var i = 0; i < 30; i++)
        {
            using var created = await host.Client.PostJsonAsync("/api/environments", $$"""{"name":"{{prefix}}-{{i:D2}}"}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var first = await host.Client.GetOkAsync($"/api/environments?search={prefix}&pagesize=25&order=name%20asc");
        var second = await host.Client.GetOkAsync($"/api/environments?search={prefix}&page_size=25&page=1&order=name%20asc");
        var camel = await host.Client.GetOkAsync($"/api/environments?search={prefix}&pageSize=10&page=2&order=name%20desc");
        var defaults = await host.Client.GetOkAsync($"/api/environments?search={prefix}");

        Assert.Equal(30, (int)first["totalCount"]!);
        Assert.Equal(25, (int)first["pageSize"]!);
        Assert.Equal(0, (int)first["page"]!);
        Assert.Equal(25, first["environments"]!.AsArray().Count);
        Assert.Equal($"{prefix}-00", (string?)first["environments"]![0]!["name"]);
        Assert.Equal(1, (int)second["page"]!);
        Assert.Equal(
            Enumerable.Range(25, 5).Select(i => $"{prefix}-{i:D2}"),
            second["environments"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal(
            Enumerable.Range(0, 10).Reverse().Select(i => $"{prefix}-{i:D2}"),
            camel["environments"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal(25, (int)defaults["pageSize"]!);
        Assert.Equal($"{prefix}-29", (string?)defaults["environments"]![0]!["name"]);
    }

    [Fact]
    public async Task Connections_are_added_listed_and_removed()
    {
        var environmentId = await CreateEnvironmentAsync();
        using var saved = await host.Client.PostJsonAsync("/api/integrations/connections", $$"""{"kind":"kubernetes","name":"{{host.NextId("conn")}}"}""");
        var connectionId = (string)(await saved.ReadJsonAsync(HttpStatusCode.Created))["id"]!;

        using var add = await host.Client.PostAsync($"/api/environments/{environmentId}/connections/{connectionId}", null, Ct);
        using var addAgain = await host.Client.PostAsync($"/api/environments/{environmentId}/connections/{connectionId}", null, Ct);
        var listed = await host.Client.GetOkAsync($"/api/environments/{environmentId}/connections?pagesize=10");
        using var remove = await host.Client.DeleteAsync($"/api/environments/{environmentId}/connections/{connectionId}", Ct);
        using var removeAgain = await host.Client.DeleteAsync($"/api/environments/{environmentId}/connections/{connectionId}", Ct);
        var empty = await host.Client.GetOkAsync($"/api/environments/{environmentId}/connections");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, addAgain.StatusCode);
        Assert.Equal(1, (int)listed["totalCount"]!);
        Assert.Equal(10, (int)listed["pageSize"]!);
        Assert.Equal(connectionId, (string?)listed["connections"]![0]!["id"]);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        await removeAgain.AssertProblemAsync(HttpStatusCode.NotFound, connectionId);
        Assert.Equal(0, (int)empty["totalCount"]!);
    }

    [Fact]
    public async Task Unknown_environments_and_connections_answer_404()
    {
        var environmentId = await CreateEnvironmentAsync();
        var unknown = Guid.NewGuid();

        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/environments/{unknown}", HttpStatusCode.NotFound, unknown.ToString());
        await host.Client.SendProblemAsync(HttpMethod.Put, $"/api/environments/{unknown}", HttpStatusCode.NotFound, unknown.ToString(), """{"name":"x"}""");
        await host.Client.SendProblemAsync(HttpMethod.Delete, $"/api/environments/{unknown}", HttpStatusCode.NotFound, unknown.ToString());
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/environments/{unknown}/connections", HttpStatusCode.NotFound, unknown.ToString());
        await host.Client.SendProblemAsync(HttpMethod.Post, $"/api/environments/{unknown}/connections/{Guid.NewGuid()}", HttpStatusCode.NotFound, "Environment");
        await host.Client.SendProblemAsync(HttpMethod.Post, $"/api/environments/{environmentId}/connections/{unknown}", HttpStatusCode.NotFound, "Connection");
    }

    [Fact]
    public async Task Bad_ids_bodies_and_paging_answer_400()
    {
        var environmentId = await CreateEnvironmentAsync();

        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/environments/not-a-uuid", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/environments/{Guid.Empty}", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Put, "/api/environments/123", HttpStatusCode.BadRequest, "must be a UUID", "{}");
        await host.Client.SendProblemAsync(HttpMethod.Delete, "/api/environments/123", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Post, $"/api/environments/{environmentId}/connections/xyz", HttpStatusCode.BadRequest, "connectionId");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/environments?orgId=nope", HttpStatusCode.BadRequest, "orgId");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/environments", HttpStatusCode.BadRequest, "'name' is required", """{"description":"no name"}""");
        await host.Client.SendProblemAsync(
            HttpMethod.Post, "/api/environments", HttpStatusCode.BadRequest, "longer than", JsonSerializerString(new JsonObject { ["name"] = new string('n', 101) }));
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/environments/{environmentId}/connections?pagesize=0", HttpStatusCode.BadRequest, "pagesize");
    }

    [Fact]
    public async Task A_stale_if_match_answers_412()
    {
        var environmentId = await CreateEnvironmentAsync();
        using var first = await host.Client.PutJsonAsync($"/api/environments/{environmentId}", """{"description":"first"}""", "\"1\"");
        await first.ReadOkAsync();

        using var stale = await host.Client.PutJsonAsync($"/api/environments/{environmentId}", """{"description":"second"}""", "\"1\"");
        using var star = await host.Client.PutJsonAsync($"/api/environments/{environmentId}", """{"description":"third"}""", "*");

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, environmentId);
        Assert.Equal("third", (string?)(await star.ReadOkAsync())["description"]);
        Assert.Equal("\"3\"", AgentHttp.ETagOf(star));
    }

    private async Task<string> CreateEnvironmentAsync()
    {
        using var created = await host.Client.PostJsonAsync("/api/environments", $$"""{"name":"{{host.NextId("env")}}"}""");
        return (string)(await created.ReadJsonAsync(HttpStatusCode.Created))["id"]!;
    }

    private static string JsonSerializerString(JsonNode node) => node.ToJsonString();
}
