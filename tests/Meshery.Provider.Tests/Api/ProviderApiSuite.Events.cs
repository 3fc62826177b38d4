using System.Net;
using System.Text.Json.Nodes;

namespace Meshery.Provider.Tests.Api;

public abstract partial class ProviderApiSuite
{
    [Fact]
    public async Task Events_page_across_more_than_1000_entities()
    {
        var (_, token) = NewUser();
        const int count = 1_050;
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                using var posted = await SendAsync(HttpMethod.Post, "api/events", token, rawJson: $$"""{"category":"bench","action":"a{{i % 3}}","severity":"informational","description":"event {{i}}"}""");
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        }));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var first = await SendAsync(HttpMethod.Get, "api/events/list?page=0&pagesize=1000", token);
        using var second = await SendAsync(HttpMethod.Get, "api/events/list?page=1&pagesize=1000", token);
        using var beyond = await SendAsync(HttpMethod.Get, "api/events/list?page=5&pagesize=1000", token);
        var a = await JsonAsync(first, HttpStatusCode.OK);
        var b = await JsonAsync(second, HttpStatusCode.OK);
        foreach (var e in a["data"]!.AsArray().Concat(b["data"]!.AsArray()))
        {
            seen.Add((string)e!["id"]!);
        }

        Assert.Equal(count, (int)a["totalCount"]!);
        Assert.Equal(1000, a["data"]!.AsArray().Count);
        Assert.Equal(50, b["data"]!.AsArray().Count);
        Assert.Equal(count, seen.Count);
        Assert.Empty((await JsonAsync(beyond, HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task Events_filter_status_and_delete()
    {
        var (_, token) = NewUser();
        var ids = new List<string>();
        foreach (var severity in new[] { "error", "warning", "error" })
        {
            using var posted = await SendAsync(HttpMethod.Post, "api/events", token, rawJson: $$"""{"category":"connection","action":"register","severity":"{{severity}}","description":"x"}""");
            ids.Add((string)(await JsonAsync(posted, HttpStatusCode.OK))["id"]!);
        }

        var filter = Uri.EscapeDataString("""{"severity":["error"],"category":["connection"]}""");
        using var filtered = await SendAsync(HttpMethod.Get, $"api/events/list?filter={filter}", token);
        using var one = await SendAsync(HttpMethod.Put, $"api/events/{ids[0]}/status", token, rawJson: """{"status":"read"}""");
        using var bulk = await SendAsync(HttpMethod.Put, "api/events/status", token, body: new JsonObject { ["ids"] = new JsonArray(ids[1], ids[2]), ["status"] = "read" });
        using var types = await SendAsync(HttpMethod.Get, "api/events/types", token);
        using var deleteOne = await SendAsync(HttpMethod.Delete, $"api/events/{ids[0]}", token);
        using var deleteRest = await SendAsync(HttpMethod.Delete, "api/events", token, body: new JsonObject { ["ids"] = new JsonArray(ids[1], ids[2]) });
        using var empty = await SendAsync(HttpMethod.Get, "api/events/list", token);

        Assert.Equal(2, (int)(await JsonAsync(filtered, HttpStatusCode.OK))["totalCount"]!);
        Assert.Equal("read", (string?)(await JsonAsync(one, HttpStatusCode.OK))["status"]);
        Assert.Equal(2, (int)(await JsonAsync(bulk, HttpStatusCode.OK))["count"]!);
        Assert.Equal("register", (string?)(await JsonAsync(types, HttpStatusCode.OK))[0]!["action"]);
        await JsonAsync(deleteOne, HttpStatusCode.OK);
        Assert.Equal(2, (int)(await JsonAsync(deleteRest, HttpStatusCode.OK))["count"]!);
        Assert.Equal(0, (int)(await JsonAsync(empty, HttpStatusCode.OK))["totalCount"]!);
    }
}
