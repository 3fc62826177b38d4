using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.LoadTargets;

namespace Meshery.Cli.Tests.Commands.Perf;

public sealed class PerfCommandTests(PerfEnabledAgent agent, LoadTarget target) : IClassFixture<PerfEnabledAgent>, IClassFixture<LoadTarget>, IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Apply_creates_the_profile_runs_it_and_the_results_list_view_and_delete_follow()
    {
        var ct = TestContext.Current.CancellationToken;
        await UseAgentAsync();
        var profile = $"smoke-{Guid.NewGuid():N}";
        var url = target.Url($"/ok/{profile}").ToString();

        var applied = await _cli.RunOkAsync("perf", "apply", profile, "--url", url, "--qps", "20", "--concurrent-requests", "2", "--duration", "1s", "--load-generator", "wrk2", "--mesh", "istio");

        Assert.Contains($"Created performance profile '{profile}'", applied.Out, StringComparison.Ordinal);
        Assert.Contains($"Running {profile}: Load test {profile} started: wrk2 against {url}", applied.Out, StringComparison.Ordinal);
        Assert.Contains($"Running {profile}: Load test {profile} completed", applied.Out, StringComparison.Ordinal);
        Assert.Matches(@"Requests\s+20\n", applied.Out.ReplaceLineEndings("\n"));
        Assert.Matches(@"Answers by code\s+200: 20\n", applied.Out.ReplaceLineEndings("\n"));
        Assert.Matches(@"p99\.9 \(ms\)\s+[0-9.]+\n", applied.Out.ReplaceLineEndings("\n"));
        Assert.Equal(20, target.Count(profile));

        var again = await _cli.RunOkAsync("perf", "apply", profile, "--name", "second", "-o", "json");
        var second = JsonNode.Parse(again.Out)!.AsObject();
        Assert.Equal("second", (string?)second["name"]);
        Assert.Equal("istio", (string?)second["mesh"]);
        Assert.Equal(20, (long)second["runnerResults"]!["DurationHistogram"]!["Count"]!);
        Assert.Equal(40, target.Count(profile));

        var profiles = JsonNode.Parse((await _cli.RunOkAsync("perf", "profile", profile, "-o", "json")).Out)!.AsArray();
        var listed = Assert.Single(profiles)!;
        Assert.Equal(profile, (string?)listed["name"]);
        Assert.Equal(["wrk2"], listed["loadGenerators"]!.AsArray().Select(g => (string?)g));
        Assert.Contains(JsonNode.Parse((await _cli.RunOkAsync("perf", "list", "-o", "json")).Out)!.AsArray(), p => (string?)p!["name"] == profile);
        Assert.Contains("LOAD GENERATOR", (await _cli.RunOkAsync("perf", "profile", profile)).Out, StringComparison.Ordinal);

        var results = JsonNode.Parse((await _cli.RunOkAsync("perf", "result", profile, "-o", "json")).Out)!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(["second", profile], results.Select(r => (string?)r!["name"]).Order(StringComparer.Ordinal));
        var table = await _cli.RunOkAsync("perf", "result", profile);
        Assert.Contains("P99 MS", table.Out, StringComparison.Ordinal);

        var view = await _cli.RunOkAsync("perf", "view", profile, "-o", "yaml");
        Assert.Contains($"name: {profile}", view.Out, StringComparison.Ordinal);
        Assert.Contains("duration: 1s", view.Out, StringComparison.Ordinal);

        await _cli.RunOkAsync("perf", "delete", profile);
        Assert.Empty(JsonNode.Parse((await _cli.RunOkAsync("perf", "profile", profile, "-o", "json")).Out)!.AsArray());
        Assert.Equal($"Error: no performance profile named '{profile}' (see 'mesheryctl perf profile')", await _cli.RunFailingAsync("perf", "result", profile));
        ct.ThrowIfCancellationRequested();
    }

    [Fact(Timeout = 120_000)]
    public async Task Apply_reads_a_Service_Mesh_Performance_test_configuration()
    {
        var ct = TestContext.Current.CancellationToken;
        await UseAgentAsync();
        var name = $"smp-{Guid.NewGuid():N}";
        var file = Path.Combine(_cli.Home, "test.yaml");
        await File.WriteAllTextAsync(file, $"""
            smp_version: v0.0.1
            name: {name}
            duration: 1s
            clients:
              - load_generator: fortio
                protocol: HTTP
                connections: 1
                rps: 10
                endpoint_urls:
                  - {target.Url($"/echo/{name}")}
                headers:
                  X-Smp: yes
                body: '{"{"}"smp":true{"}"}'
                content_type: application/json
            """, ct);

        var applied = await _cli.RunOkAsync("perf", "apply", "--file", file, "-o", "json");

        var result = JsonNode.Parse(applied.Out)!.AsObject();
        var received = target.Last(name)!;
        Assert.Equal(name, (string?)result["name"]);
        Assert.Equal("fortio", (string?)result["runnerResults"]!["load-generator"]);
        Assert.Equal(10, target.Count(name));
        Assert.Equal("yes", received.Headers["X-Smp"]);
        Assert.Equal("POST", received.Method);
        Assert.Equal("""{"smp":true}""", received.Body);
    }

    [Fact(Timeout = 60_000)]
    public async Task Bad_input_is_one_line_and_a_non_zero_exit()
    {
        var ct = TestContext.Current.CancellationToken;
        await UseAgentAsync();
        var missing = $"missing-{Guid.NewGuid():N}";

        Assert.Equal(
            $"Error: no performance profile named '{missing}'; give --url (or --file) to create it",
            await _cli.RunFailingAsync("perf", "apply", missing));
        Assert.Equal("Error: name the performance profile to run: 'mesheryctl perf apply <profile-name> --url <url>'", await _cli.RunFailingAsync("perf", "apply"));
        Assert.Equal("Error: --qps must be a number of at least 0 (0: as fast as possible), not 'fast'", await _cli.RunFailingAsync("perf", "apply", missing, "--url", "http://x/", "--qps", "fast"));
        Assert.Equal("Error: --duration must be a duration such as 30s, 2m or 1m30s, not '5 parsecs'", await _cli.RunFailingAsync("perf", "apply", missing, "--url", "http://x/", "--duration", "5 parsecs"));
        var refused = await _cli.RunFailingAsync("perf", "apply", missing, "--url", "http://127.0.0.1:1/", "--load-generator", "wrk2", "--qps", "0", "--duration", "1s");
        Assert.Matches("^Error: the Meshery server answered 400 to GET /api/user/performance/profiles/[0-9a-f-]+/run: wrk2 sends at a constant rate: qps must be above 0$", refused);
        ct.ThrowIfCancellationRequested();
    }

    private Task UseAgentAsync() => _cli.RunOkAsync("system", "context", "create", "agent", "--url", agent.Url.ToString(), "--set");
}
