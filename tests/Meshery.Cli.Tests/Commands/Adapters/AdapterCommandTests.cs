using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Waiting;

namespace Meshery.Cli.Tests.Commands.Adapters;

/// <summary><c>adapter list|status</c> and the adapter checks of <c>system check</c>, against an agent with a live and a down adapter.</summary>
public sealed class AdapterCommandTests(AgentWithAdapters agent) : AgentCliTests(agent), IClassFixture<AgentWithAdapters>
{
    /// <summary>The adapters once the agent's own one has answered its first check (it starts with the agent).</summary>
    private async Task<JsonArray> AdaptersOnceOwnIsLiveAsync() =>
        await Eventually.HoldsAsync(
            async () => JsonNode.Parse((await Cli.RunOkAsync("adapter", "list", "-o", "json")).Out)!.AsArray(),
            adapters => adapters.Any(a => a!["live"]!.GetValue<bool>()),
            "the agent's own adapter is live",
            Ct);

    [Fact(Timeout = TestLimits.Test)]
    public async Task List_shows_each_adapter_and_whether_it_is_live()
    {
        var adapters = await AdaptersOnceOwnIsLiveAsync();
        Assert.Equal(2, adapters.Count);
        var own = Assert.Single(adapters, a => a!["live"]!.GetValue<bool>())!;
        Assert.Equal("MESHERY-SAMPLE", own["name"]!.GetValue<string>());
        Assert.NotEmpty(own["ops"]!.AsArray());
        var down = Assert.Single(adapters, a => !a!["live"]!.GetValue<bool>())!;
        Assert.Equal(AgentWithAdapters.DownLocation, down["adapterLocation"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(down["error"]!.GetValue<string>()));

        var yaml = YamlDocument.Parse((await Cli.RunOkAsync("adapter", "list", "-o", "yaml")).Out)!.AsArray();
        Assert.Equal(
            adapters.Select(a => a!["adapterLocation"]!.GetValue<string>()).Order(),
            yaml.Select(a => a!["adapterLocation"]!.GetValue<string>()).Order());

        var table = (await Cli.RunOkAsync("adapter", "list")).Out.Split('\n');
        Assert.Matches("^LOCATION +NAME +VERSION +OPERATIONS +LIVE$", table[0]);
        Assert.Contains(table, line => line.StartsWith(own["adapterLocation"]!.GetValue<string>(), StringComparison.Ordinal) && line.Contains("MESHERY-SAMPLE", StringComparison.Ordinal) && line.EndsWith("yes", StringComparison.Ordinal));
        Assert.Contains(table, line => line.StartsWith(AgentWithAdapters.DownLocation, StringComparison.Ordinal) && line.EndsWith("no", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Status_shows_live_and_down_adapters_and_names_an_unknown_one()
    {
        var own = (await AdaptersOnceOwnIsLiveAsync()).Single(a => a!["live"]!.GetValue<bool>())!["adapterLocation"]!.GetValue<string>();
        var all = JsonNode.Parse((await Cli.RunOkAsync("adapter", "status", "-o", "json")).Out)!.AsArray();
        Assert.Equal("live", all.Single(a => a!["adapterLocation"]!.GetValue<string>() == own)!["status"]!.GetValue<string>());
        var down = all.Single(a => a!["adapterLocation"]!.GetValue<string>() == AgentWithAdapters.DownLocation)!;
        Assert.Equal("down", down["status"]!.GetValue<string>());
        Assert.NotNull(down["lastCheckedAt"]);

        var one = YamlDocument.Parse((await Cli.RunOkAsync("adapter", "status", own, "-o", "yaml")).Out)!.AsArray();
        Assert.Equal("live", Assert.Single(one)!["status"]!.GetValue<string>());
        var table = (await Cli.RunOkAsync("adapter", "status", AgentWithAdapters.DownLocation)).Out;
        Assert.Matches("^LOCATION +NAME +STATUS +CHECKED +ERROR\n", table);
        Assert.Matches($"{Regex.Escape(AgentWithAdapters.DownLocation)} +down", table);

        Assert.Equal(
            $"Error: adapter '127.0.0.1:1' was not found on the Meshery server at {Agent.Url} (see 'mesheryctl adapter list')",
            await Cli.RunFailingAsync("adapter", "status", "127.0.0.1:1"));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task System_check_checks_the_server_and_each_adapter()
    {
        await using var cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        var kubeconfig = await cluster.WriteKubeConfigAsync(Path.Combine(Cli.Home, "kubeconfig"), Ct);
        var own = (await AdaptersOnceOwnIsLiveAsync()).Single(a => a!["live"]!.GetValue<bool>())!["adapterLocation"]!.GetValue<string>();

        var result = await Cli.RunAsync("system", "check", "--kubeconfig", kubeconfig);
        var line = CliHarness.OneErrorLine(result);
        Assert.StartsWith($"Error: 1 check(s) failed: adapter {AgentWithAdapters.DownLocation} (not reachable: ", line, StringComparison.Ordinal);
        Assert.Contains($"✓ server: Meshery ", result.Out, StringComparison.Ordinal);
        Assert.Contains($"✓ adapter {own}: live: MESHERY-SAMPLE", result.Out, StringComparison.Ordinal);
        Assert.Contains($"✗ adapter {AgentWithAdapters.DownLocation}: not reachable: ", result.Out, StringComparison.Ordinal);

        var json = await Cli.RunAsync("system", "check", "--kubeconfig", kubeconfig, "-o", "json");
        Assert.NotEqual(0, json.ExitCode);
        var checks = JsonNode.Parse(json.Out)!["checks"]!.AsArray();
        Assert.Equal("ok", checks.Single(c => c!["name"]!.GetValue<string>() == "server")!["status"]!.GetValue<string>());
        Assert.Equal("ok", checks.Single(c => c!["name"]!.GetValue<string>() == $"adapter {own}")!["status"]!.GetValue<string>());
        Assert.Equal("failed", checks.Single(c => c!["name"]!.GetValue<string>() == $"adapter {AgentWithAdapters.DownLocation}")!["status"]!.GetValue<string>());

        // The preflight alone does not ask the server.
        Assert.DoesNotContain("adapter", (await Cli.RunOkAsync("system", "check", "--preflight", "--kubeconfig", kubeconfig)).Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task System_check_passes_when_the_server_has_no_adapters()
    {
        await using var cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        var kubeconfig = await cluster.WriteKubeConfigAsync(Path.Combine(Cli.Home, "kubeconfig"), Ct);
        await using var plain = new InProcessAgent();
        await plain.InitializeAsync();
        await AgentContext.UseAsync(Cli, plain.Url, "plain");

        var result = await Cli.RunOkAsync("system", "check", "--kubeconfig", kubeconfig);
        Assert.Contains("✓ adapters: none configured", result.Out, StringComparison.Ordinal);
        var checks = YamlDocument.Parse((await Cli.RunOkAsync("system", "check", "--kubeconfig", kubeconfig, "-o", "yaml")).Out)!["checks"]!.AsArray();
        Assert.All(checks, c => Assert.Equal("ok", c!["status"]!.GetValue<string>()));
        Assert.Contains(checks, c => c!["name"]!.GetValue<string>() == "server");
    }
}
