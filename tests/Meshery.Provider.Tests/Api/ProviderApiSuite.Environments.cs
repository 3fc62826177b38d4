using System.Net;
using System.Text.Json.Nodes;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Fact]
    public async Task Environments_crud_with_connection_mapping()
    {
        var (user, token) = NewUser();
        var org = Guid.NewGuid();
        using var created = await SendAsync(HttpMethod.Post, "api/environments", token, rawJson: $$"""{"name":"prod","description":"d","organization_id":"{{org}}"}""");
        var environment = await JsonAsync(created, HttpStatusCode.Created);
        var id = (string)environment["id"]!;
        using var connection = await SendAsync(HttpMethod.Post, "api/integrations/connections", token, rawJson: """{"kind":"kubernetes","type":"platform","sub_type":"orchestrator","name":"kind"}""");
        var connectionId = (string)(await JsonAsync(connection, HttpStatusCode.Created))["connections"]![0]!["id"]!;

        using var map = await SendAsync(HttpMethod.Post, $"api/environments/{id}/connections/{connectionId}", token);
        using var mapped = await SendAsync(HttpMethod.Get, $"api/environments/{id}/connections", token);
        using var list = await SendAsync(HttpMethod.Get, $"api/environments?orgId={org}&pagesize=10", token);
        using var get = await SendAsync(HttpMethod.Get, $"api/environments/{id}", token);
        using var update = await SendAsync(HttpMethod.Put, $"api/environments/{id}", token, ifMatch: Etag(get), rawJson: """{"name":"production"}""");
        using var unmap = await SendAsync(HttpMethod.Delete, $"api/environments/{id}/connections/{connectionId}", token);
        using var delete = await SendAsync(HttpMethod.Delete, $"api/environments/{id}", token);
        using var gone = await SendAsync(HttpMethod.Get, $"api/environments/{id}", token);

        Assert.Equal(org.ToString(), (string?)environment["organizationId"]);
        Assert.Equal(user.ToString(), (string?)environment["owner"]);
        Assert.Equal(HttpStatusCode.NoContent, map.StatusCode);
        Assert.Equal(connectionId, (string?)(await JsonAsync(mapped, HttpStatusCode.OK))["connections"]![0]!["id"]);
        Assert.Equal(1, (int)(await JsonAsync(list, HttpStatusCode.OK))["totalCount"]!);
        Assert.Equal("production", (string?)(await JsonAsync(update, HttpStatusCode.OK))["name"]);
        Assert.Equal(HttpStatusCode.NoContent, unmap.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_user_gets_404_and_lists_never_leak()
    {
        var (_, alice) = NewUser();
        var (_, bob) = NewUser();
        using var created = await SendAsync(HttpMethod.Post, "api/environments", alice, rawJson: """{"name":"alice-only"}""");
        var id = (string)(await JsonAsync(created, HttpStatusCode.Created))["id"]!;

        using var get = await SendAsync(HttpMethod.Get, $"api/environments/{id}", bob);
        using var put = await SendAsync(HttpMethod.Put, $"api/environments/{id}", bob, rawJson: """{"name":"mine now"}""");
        using var delete = await SendAsync(HttpMethod.Delete, $"api/environments/{id}", bob);
        using var list = await SendAsync(HttpMethod.Get, "api/environments?search=alice", bob);
        using var still = await SendAsync(HttpMethod.Get, $"api/environments/{id}", alice);

        await ProblemAsync(get, HttpStatusCode.NotFound);
        await ProblemAsync(put, HttpStatusCode.NotFound);
        await ProblemAsync(delete, HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await JsonAsync(list, HttpStatusCode.OK))["totalCount"]!);
        Assert.Equal("alice-only", (string?)(await JsonAsync(still, HttpStatusCode.OK))["name"]);
    }

    [Fact]
    public async Task Concurrent_updates_one_wins_the_other_gets_412()
    {
        var (_, token) = NewUser();
        using var created = await SendAsync(HttpMethod.Post, "api/environments", token, rawJson: """{"name":"race"}""");
        var etag = Etag(created);
        var id = (string)(await JsonAsync(created, HttpStatusCode.Created))["id"]!;

        var results = await Task.WhenAll(
            SendAsync(HttpMethod.Put, $"api/environments/{id}", token, ifMatch: etag, rawJson: """{"name":"a"}"""),
            SendAsync(HttpMethod.Put, $"api/environments/{id}", token, ifMatch: etag, rawJson: """{"name":"b"}"""));

        var statuses = results.Select(r => r.StatusCode).Order().ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var winner = (string)(await JsonNode.ParseAsync(await results.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadAsStreamAsync(Ct), cancellationToken: Ct))!["name"]!;
        using var read = await SendAsync(HttpMethod.Get, $"api/environments/{id}", token);
        Assert.Equal(winner, (string?)(await JsonAsync(read, HttpStatusCode.OK))["name"]);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }
}
