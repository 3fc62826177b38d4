using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Designs;

public sealed class DesignEndpointsTests(AgentHost host) : IClassFixture<AgentHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_design_saves_with_meshery_body_and_answers_an_array()
    {
        var name = host.NextId("design");
        using var saved = await host.Client.PostJsonAsync("/api/pattern", $$"""{"name":"{{name}}","patternData":{"patternFile":"name: web\n"},"save":true}""");
        var body = await saved.ReadOkAsync();

        var design = Assert.Single(body.AsArray())!;
        Assert.Equal(name, (string?)design["name"]);
        Assert.Equal("name: web\n", (string?)design["patternFile"]);
        Assert.Equal("private", (string?)design["visibility"]);
        Assert.Equal("\"1\"", AgentHttp.ETagOf(saved));
        var id = (string)design["id"]!;

        using var get = await host.Client.GetAsync($"/api/pattern/{id}", Ct);
        Assert.Equal(design.ToJsonString(), (await get.ReadOkAsync()).ToJsonString());
        Assert.Equal("\"1\"", AgentHttp.ETagOf(get));
    }

    [Fact]
    public async Task Snake_case_pattern_data_and_pattern_file_are_understood()
    {
        var name = host.NextId("snake");
        using var saved = await host.Client.PostJsonAsync("/api/pattern", $$$"""{"name":"{{{name}}}","pattern_data":{"pattern_file":"kind: snake","visibility":"public","catalog_data":{"class":"community"} } }""");
        var design = Assert.Single((await saved.ReadOkAsync()).AsArray())!;

        Assert.Equal(name, (string?)design["name"]);
        Assert.Equal("kind: snake", (string?)design["patternFile"]);
        Assert.Equal("public", (string?)design["visibility"]);
        Assert.Equal("community", (string?)design["catalogData"]!["class"]);
    }

    [Fact]
    public async Task Save_false_echoes_without_storing()
    {
        var name = host.NextId("dry");
        using var saved = await host.Client.PostJsonAsync("/api/pattern", $$"""{"name":"{{name}}","patternData":{"patternFile":"a: b"},"save":false}""");
        var design = Assert.Single((await saved.ReadOkAsync()).AsArray())!;

        var listed = await host.Client.GetOkAsync($"/api/pattern?search={name}");

        Assert.Equal(name, (string?)design["name"]);
        Assert.Equal(0, (int)listed["totalCount"]!);
    }

    [Fact]
    public async Task Lists_filter_by_visibility_and_update_time()
    {
        var prefix = host.NextId("vis");
        foreach (var (suffix, visibility) in new[] { ("a", "private"), ("b", "public"), ("c", "published"), ("d", "public") })
        {
            using var saved = await host.Client.PostJsonAsync(
                "/api/pattern", $$$"""{"name":"{{{prefix}}}-{{{suffix}}}","patternData":{"patternFile":"x","visibility":"{{{visibility}}}"}}""");
            await saved.ReadOkAsync();
        }

        var publicOnly = await host.Client.GetOkAsync($"/api/pattern?search={prefix}&visibility=public&order=name");
        var repeated = await host.Client.GetOkAsync($"/api/pattern?search={prefix}&visibility=public&visibility=published&order=name");
        var commas = await host.Client.GetOkAsync($"/api/pattern?search={prefix}&visibility=private,published&order=name");
        var future = await host.Client.GetOkAsync($"/api/pattern?search={prefix}&updated_after={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");
        var past = await host.Client.GetOkAsync($"/api/pattern?search={prefix}&updatedAfter=2000-01-01T00:00:00Z&pagesize=3");

        Assert.Equal([$"{prefix}-b", $"{prefix}-d"], Names(publicOnly));
        Assert.Equal([$"{prefix}-b", $"{prefix}-c", $"{prefix}-d"], Names(repeated));
        Assert.Equal([$"{prefix}-a", $"{prefix}-c"], Names(commas));
        Assert.Equal(0, (int)future["totalCount"]!);
        Assert.Equal(4, (int)past["totalCount"]!);
        Assert.Equal(3, past["patterns"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_design_downloads_as_its_file_and_deletes()
    {
        using var saved = await host.Client.PostJsonAsync("/api/pattern", """{"name":"My Web App","patternFile":"ignored","patternData":{"patternFile":"name: my web app\n"}}""");
        var id = (string)Assert.Single((await saved.ReadOkAsync()).AsArray())!["id"]!;

        using var download = await host.Client.GetAsync($"/api/pattern/download/{id}", Ct);
        var text = await download.Content.ReadAsStringAsync(Ct);
        using var delete = await host.Client.DeleteAsync($"/api/pattern/{id}", Ct);
        using var deleteAgain = await host.Client.DeleteAsync($"/api/pattern/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/yaml", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("My-Web-App.yaml", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("name: my web app\n", text);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await deleteAgain.AssertProblemAsync(HttpStatusCode.NotFound, id);
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/pattern/{id}", HttpStatusCode.NotFound, id);
        await host.Client.SendProblemAsync(HttpMethod.Get, $"/api/pattern/download/{id}", HttpStatusCode.NotFound, id);
    }

    [Fact]
    public async Task A_two_megabyte_design_round_trips_over_http()
    {
        var pattern = new StringBuilder();
        for (var i = 0; pattern.Length < 2 * 1024 * 1024; i++)
        {
            pattern.Append("- id: component-").Append(i).Append("\n  traits: {replicas: 3}\n");
        }

        var body = new JsonObject { ["name"] = host.NextId("big"), ["patternData"] = new JsonObject { ["patternFile"] = pattern.ToString() } };
        using var saved = await host.Client.PostJsonAsync("/api/pattern", body.ToJsonString());
        var id = (string)Assert.Single((await saved.ReadOkAsync()).AsArray())!["id"]!;

        var read = await host.Client.GetOkAsync($"/api/pattern/{id}");
        using var download = await host.Client.GetAsync($"/api/pattern/download/{id}", Ct);

        Assert.Equal(pattern.ToString(), (string?)read["patternFile"]);
        Assert.Equal(pattern.ToString(), await download.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_stale_if_match_on_a_design_answers_412()
    {
        using var saved = await host.Client.PostJsonAsync("/api/pattern", $$$"""{"name":"{{{host.NextId("etag")}}}","patternData":{"patternFile":"v1"}}""");
        var design = Assert.Single((await saved.ReadOkAsync()).AsArray())!.AsObject();
        design["patternFile"] = "v2";
        var update = new JsonObject { ["patternData"] = design.DeepClone() }.ToJsonString();

        using var first = await host.Client.PostJsonAsync("/api/pattern", update, "\"1\"");
        using var stale = await host.Client.PostJsonAsync("/api/pattern", update, "\"1\"");

        Assert.Equal("v2", (string?)Assert.Single((await first.ReadOkAsync()).AsArray())!["patternFile"]);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, (string)design["id"]!);
    }

    [Fact]
    public async Task Bad_input_answers_problem_details()
    {
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/pattern?visibility=secret", HttpStatusCode.BadRequest, "'visibility' has the unknown value 'secret'");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/pattern?updated_after=someday", HttpStatusCode.BadRequest, "updated_after");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/pattern", HttpStatusCode.BadRequest, "'patternData' is required", """{"name":"x"}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/pattern", HttpStatusCode.BadRequest, "patternFile", """{"name":"x","patternData":{}}""");
        await host.Client.SendProblemAsync(HttpMethod.Post, "/api/pattern", HttpStatusCode.BadRequest, "visibility", """{"name":"x","patternData":{"patternFile":"a","visibility":"secret"}}""");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/pattern/abc", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/pattern/download/abc", HttpStatusCode.BadRequest, "must be a UUID");
        await host.Client.SendProblemAsync(HttpMethod.Delete, "/api/pattern/abc", HttpStatusCode.BadRequest, "must be a UUID");
    }

    private static IEnumerable<string?> Names(JsonNode page) => page["patterns"]!.AsArray().Select(d => (string?)d!["name"]);
}
