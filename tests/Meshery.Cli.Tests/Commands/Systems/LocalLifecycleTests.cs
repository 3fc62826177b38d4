using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Network;

namespace Meshery.Cli.Tests.Commands.Systems;

/// <summary><c>system start -p local --detach</c>, <c>status</c>, <c>logs</c> and <c>stop</c> with the real built agent.</summary>
public sealed class LocalLifecycleTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private int _port;

    public async ValueTask InitializeAsync()
    {
        _port = FreePort.Next();
        _cli.Environment["MESHERY_AGENT_PATH"] = BuiltBinaries.AgentDll;
        _cli.Environment["Meshery__Agent__Modules__Broker"] = "false";
        _cli.Environment["Meshery__Agent__Modules__Discovery"] = "false";
        await _cli.RunOkAsync("system", "context", "create", "laptop", "--url", $"http://localhost:{_port}", "--set");
    }

    public async ValueTask DisposeAsync()
    {
        // Never leave an agent behind, even when a test failed half-way.
        var pidFile = Path.Combine(_cli.MesheryFolder, "agent.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllLines(pidFile)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
            catch (ArgumentException)
            {
            }
        }

        _cli.Dispose();
    }

    [Fact]
    public async Task Start_status_logs_stop()
    {
        var start = await _cli.RunOkAsync("system", "start", "-p", "local", "--detach");
        ExpectedOutput.Match("start-local-detach", start.Out, (_cli.Home, "<home>"), ($"localhost:{_port}", "localhost:<port>"));
        var pid = int.Parse(File.ReadAllLines(Path.Combine(_cli.MesheryFolder, "agent.pid"))[0], CultureInfo.InvariantCulture);
        using (var agent = Process.GetProcessById(pid))
        {
            Assert.False(agent.HasExited);
        }

        using (var http = new HttpClient())
        {
            var version = await http.GetStringAsync(new Uri($"http://localhost:{_port}/api/system/version"), TestContext.Current.CancellationToken);
            Assert.Contains("\"build\"", version, StringComparison.Ordinal);
        }

        var again = await _cli.RunFailingAsync("system", "start", "-p", "local", "--detach");
        Assert.Equal($"Error: the Meshery agent is already running (pid {pid}); stop it with 'mesheryctl system stop'", again);

        var status = await _cli.RunOkAsync("system", "status");
        ExpectedOutput.Match("status-local-running", status.Out, (_cli.Home, "<home>"), ($"localhost:{_port}", "localhost:<port>"));
        var json = JsonNode.Parse((await _cli.RunOkAsync("system", "status", "-o", "json")).Out)!;
        Assert.Equal("local", json["platform"]!.GetValue<string>());
        var components = json["components"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["state"]!.GetValue<string>());
        Assert.Equal("Running", components["meshery-agent"]);
        Assert.Equal("Ready", components["meshery-server"]);
        Assert.Equal("Ready", components["provider"]);
        ExpectedOutput.Match("status-local-running-yaml", (await _cli.RunOkAsync("system", "status", "-o", "yaml")).Out, (_cli.Home, "<home>"), ($"localhost:{_port}", "localhost:<port>"));

        var logs = await _cli.RunOkAsync("system", "logs");
        Assert.Contains("Now listening on", logs.Out, StringComparison.Ordinal);
        var tail = await _cli.RunOkAsync("system", "logs", "meshery-agent", "--tail", "1");
        Assert.Single(tail.Out.TrimEnd('\n').Split('\n'));
        Assert.Equal(
            "Error: component 'broker' has no logs on the local platform (available: meshery-agent)",
            await _cli.RunFailingAsync("system", "logs", "broker"));

        var stop = await _cli.RunOkAsync("system", "stop");
        Assert.Equal($"Meshery stopped (pid {pid}).\n", stop.Out.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(_cli.MesheryFolder, "agent.pid")));
        ExpectedOutput.Match("status-local-stopped", (await _cli.RunOkAsync("system", "status")).Out, (_cli.Home, "<home>"), ($"localhost:{_port}", "localhost:<port>"));
        Assert.Equal("Meshery is not running.\n", (await _cli.RunOkAsync("system", "stop")).Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_agent_that_cannot_start_is_one_line()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "uses a shell script as the agent");
        var fake = Path.Combine(_cli.Home, "broken-agent");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho 'boom' >&2\nexit 3\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var line = await _cli.RunFailingAsync("system", "start", "-p", "local", "--agent-path", fake);
        Assert.Equal($"Error: the Meshery agent exited with code 3 before it was ready; see {Path.Combine(_cli.MesheryFolder, "logs", "meshery-agent.log")}", line);
        Assert.Contains("boom", (await _cli.RunOkAsync("system", "logs")).Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.MesheryFolder, "agent.pid")));
    }

    [Fact]
    public async Task Kubernetes_platform_without_a_kubeconfig_is_one_line()
    {
        var line = await _cli.RunFailingAsync("system", "start", "-p", "kubernetes");
        Assert.Equal($"Error: kubeconfig {Path.Combine(_cli.Home, ".kube", "config")} does not exist (set KUBECONFIG or pass --kubeconfig)", line);
    }

    [Fact]
    public async Task Kubernetes_status_and_stop_before_install()
    {
        await using var server = await Meshery.Testing.Kubernetes.FakeKubeApiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var path = await server.WriteKubeConfigAsync(Path.Combine(_cli.Home, "kubeconfig"), TestContext.Current.CancellationToken);
        var status = JsonNode.Parse((await _cli.RunOkAsync("system", "status", "-p", "kubernetes", "--kubeconfig", path, "-o", "json")).Out)!;
        Assert.All(status["components"]!.AsArray(), c => Assert.Equal("NotDeployed", c!["state"]!.GetValue<string>()));
        Assert.Equal("Meshery is not installed.\n", (await _cli.RunOkAsync("system", "stop", "-p", "kubernetes", "--force", "--kubeconfig", path)).Out.ReplaceLineEndings("\n"));
    }
}
