using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Agent;

public sealed class RunEndpointTests(PerfAgent agent, LoadTarget target) : IClassFixture<PerfAgent>, IClassFixture<LoadTarget>
{
    [Fact(Timeout = 90_000)]
    public async Task A_run_streams_progress_and_its_stored_result_which_the_profile_lists()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("run");
        var profileId = await agent.CreateProfileAsync(new JsonObject
        {
            ["name"] = key,
            ["endpoints"] = new JsonArray(target.Url($"/ok/{key}").ToString()),
            ["loadGenerators"] = new JsonArray("wrk2"),
            ["qps"] = 50,
            ["concurrentRequest"] = 2,
            ["duration"] = "1s",
        }, ct);

        var (status, contentType, events, _) = await ServerSentEvents.ReadAsync(agent.Client, $"/api/user/performance/profiles/{profileId}/run?name=first&mesh=istio", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/event-stream", contentType);
        Assert.All(events[..^1], e => Assert.Equal("info", (string?)e["status"]));
        Assert.StartsWith("Load test first started: wrk2 against", (string?)events[0]["message"], StringComparison.Ordinal);
        Assert.Contains(events, e => e["progress"]?["requests"] is not null);
        var last = events[^1];
        Assert.True((string?)last["status"] == "success", last.ToJsonString());
        var result = last["result"]!.AsObject();
        var resultId = (string)result["mesheryId"]!;
        Assert.Equal("first", (string?)result["name"]);
        Assert.Equal("istio", (string?)result["mesh"]);
        Assert.Equal(profileId, (string?)result["performanceProfile"]);
        Assert.Equal("wrk2", (string?)result["runnerResults"]!["load-generator"]);
        Assert.Equal(50, (long)result["runnerResults"]!["DurationHistogram"]!["Count"]!);
        Assert.Equal(target.Count(key), (long)result["runnerResults"]!["DurationHistogram"]!["Count"]!);

        var listed = await agent.GetOkAsync($"/api/user/performance/profiles/{profileId}/results", ct);
        var stored = await agent.GetOkAsync($"/api/perf/profile/result/{resultId}", ct);
        Assert.Equal(1, (int)listed["totalCount"]!);
        Assert.Equal(resultId, (string?)listed["results"]![0]!["mesheryId"]);
        Assert.Equal(50, (long)stored["runnerResults"]!["RetCodes"]!["200"]!);
        Assert.Equal((string?)result["testId"], (string?)stored["testId"]);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_client_that_leaves_the_stream_stops_its_test_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("leave");
        var profileId = await agent.CreateProfileAsync(new JsonObject
        {
            ["name"] = key,
            ["endpoints"] = new JsonArray(target.Url($"/ok/{key}").ToString()),
            ["loadGenerators"] = new JsonArray("wrk2"),
            ["qps"] = 100,
            ["concurrentRequest"] = 2,
            ["duration"] = "1m",
        }, ct);

        // Read up to the first progress event (the test is sending), then hang up as a closed browser tab does.
        using (var response = await agent.Client.GetAsync(
            new Uri($"/api/user/performance/profiles/{profileId}/run?name=left", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line && !line.Contains("\"progress\"", StringComparison.Ordinal))
            {
            }
        }

        Assert.True(target.Count(key) > 0, "the test had not started sending");

        // The minute-long test stops: the target's count settles well short of 100 qps x 60 s.
        var settled = await Eventually.HoldsAsync(
            async () =>
            {
                var before = target.Count(key);
                await Task.Delay(500, ct);
                return (Before: before, After: target.Count(key));
            },
            counts => counts.Before == counts.After,
            "the target to stop receiving requests after the client left",
            ct);
        Assert.True(settled.After < 1_000, $"{settled.After} requests reached the target");
        var listed = await agent.GetOkAsync($"/api/user/performance/profiles/{profileId}/results", ct);
        Assert.Equal(0, (int)listed["totalCount"]!);
    }

    [Fact(Timeout = 90_000)]
    public async Task Query_parameters_override_the_profile_as_Meshery_server_reads_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("override");
        var profileId = await agent.CreateProfileAsync(new JsonObject
        {
            ["name"] = key,
            ["endpoints"] = new JsonArray(target.Url($"/ok/{key}-unused").ToString()),
            ["qps"] = 5,
            ["duration"] = "30s",
        }, ct);
        var url = Uri.EscapeDataString(target.Url($"/echo/{key}").ToString());
        var headers = Uri.EscapeDataString("""{"X-Run":"yes"}""");
        var cookies = Uri.EscapeDataString("flavour=mint; size=2");
        var body = Uri.EscapeDataString("""{"hello":"perf"}""");

        var (status, _, events, _) = await ServerSentEvents.ReadAsync(
            agent.Client,
            $"/api/user/performance/profiles/{profileId}/run?name=echo&url={url}&qps=20&c=1&t=1&dur=s&loadGenerator=fortio&headers={headers}&cookies={cookies}&reqBody={body}&contentType=application%2Fjson",
            ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((string?)events[^1]["status"] == "success", events[^1].ToJsonString());
        var runner = events[^1]["result"]!["runnerResults"]!;
        var received = target.Last(key)!;
        Assert.Equal("fortio", (string?)runner["load-generator"]);
        Assert.Equal("1s", (string?)runner["RequestedDuration"]);
        Assert.Equal(20, (long)runner["DurationHistogram"]!["Count"]!);
        Assert.Equal(0, target.Count($"{key}-unused"));
        Assert.Equal("POST", received.Method);
        Assert.Equal("yes", received.Headers["X-Run"]);
        Assert.Equal("flavour=mint; size=2", received.Headers["Cookie"]);
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.Equal("""{"hello":"perf"}""", received.Body);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("qps=fast", "'qps' must be a number")]
    [InlineData("c=0", "'c' (concurrent requests) must be a whole number of at least 1")]
    [InlineData("loadGenerator=nighthawk", "'loadGenerator' must be fortio or wrk2")]
    [InlineData("url=ftp%3A%2F%2Fhost%2Ffile", "'url' must be an absolute http:// or https:// URL")]
    [InlineData("t=0", "'t' must be a positive duration")]
    [InlineData("t=ten&dur=s", "'t' must be a positive duration")]
    [InlineData("headers=X-A%3A1", "'headers' must be a JSON object of strings")]
    [InlineData("c=100000", "connections must be from 1 to 256")]
    [InlineData("loadGenerator=wrk2&qps=0", "wrk2 sends at a constant rate")]
    [InlineData("t=2&dur=h", "the duration must be above 0 and at most 01:00:00")]
    public async Task Bad_parameters_are_problem_details_before_any_event(string query, string detail)
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("bad");
        var profileId = await agent.CreateProfileAsync(new JsonObject { ["name"] = key, ["endpoints"] = new JsonArray(target.Url($"/ok/{key}").ToString()) }, ct);

        var (status, contentType, events, body) = await ServerSentEvents.ReadAsync(agent.Client, $"/api/user/performance/profiles/{profileId}/run?{query}", ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Empty(events);
        Assert.Contains(detail, (string?)JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
        Assert.Equal(0, target.Count(key));
        var listed = await agent.GetOkAsync($"/api/user/performance/profiles/{profileId}/results", ct);
        Assert.Equal(0, (int)listed["totalCount"]!);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_profile_is_not_found_and_a_bad_id_is_a_bad_request()
    {
        var ct = TestContext.Current.CancellationToken;

        var unknown = await ServerSentEvents.ReadAsync(agent.Client, $"/api/user/performance/profiles/{Guid.NewGuid()}/run", ct);
        var bad = await ServerSentEvents.ReadAsync(agent.Client, "/api/user/performance/profiles/not-a-guid/run", ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("application/problem+json", unknown.ContentType);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_profile_without_url_needs_one_in_the_query()
    {
        var ct = TestContext.Current.CancellationToken;
        var profileId = await agent.CreateProfileAsync(new JsonObject { ["name"] = Keys.Next("nourl") }, ct);

        var (status, _, _, body) = await ServerSentEvents.ReadAsync(agent.Client, $"/api/user/performance/profiles/{profileId}/run", ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'url' is required", (string?)JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
    }
}
