using Meshery.Cli.Tests.Support;
using Meshery.Testing.Kubernetes;

namespace Meshery.Cli.Tests.Commands.Systems;

public sealed class CheckCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private FakeKubeApiServer? _server;
    private string _kubeconfig = "";

    private FakeKubeApiServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _kubeconfig = await _server.WriteKubeConfigAsync(Path.Combine(_cli.Home, ".kube", "config"), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _cli.Dispose();
    }

    [Fact]
    public async Task Preflight_passes_against_a_reachable_cluster()
    {
        var result = await _cli.RunOkAsync("system", "check", "--preflight");
        ExpectedOutput.Match("check-preflight", result.Out, (Server.BaseUri.ToString(), "<server>/"), (Server.BaseUri.ToString().TrimEnd('/'), "<server>"));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Preflight_json_lists_each_check()
    {
        var result = await _cli.RunOkAsync("system", "check", "--preflight", "-o", "json");
        ExpectedOutput.Match("check-preflight-json", result.Out, (Server.BaseUri.ToString(), "<server>/"), (Server.BaseUri.ToString().TrimEnd('/'), "<server>"));
    }

    [Fact]
    public async Task Unreachable_cluster_is_one_line()
    {
        await Server.StopAsync(TestContext.Current.CancellationToken);
        var line = await _cli.RunFailingAsync("system", "check", "--preflight", "--kubeconfig", _kubeconfig);
        Assert.StartsWith($"Error: cannot reach the Kubernetes cluster at {Server.BaseUri.ToString().TrimEnd('/')}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_listing_is_one_line()
    {
        Server.Forbid("pods", "list");
        var line = await _cli.RunFailingAsync("system", "check", "--preflight");
        Assert.StartsWith("Error: forbidden: the current user may not list pods in namespace 'default' (", line, StringComparison.Ordinal);

        Server.ClearFaults();
        Server.Forbid("deployments.apps", "list");
        line = await _cli.RunFailingAsync("system", "check", "--preflight");
        Assert.StartsWith("Error: forbidden: the current user may not list deployments in namespace 'default' (", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_kubeconfig_is_one_line()
    {
        var bad = Path.Combine(_cli.Home, "bad-kubeconfig");
        await File.WriteAllTextAsync(bad, "apiVersion: v1\nclusters: [\n", TestContext.Current.CancellationToken);
        var line = await _cli.RunFailingAsync("system", "check", "--preflight", "--kubeconfig", bad);
        Assert.StartsWith($"Error: kubeconfig {bad} is not valid: ", line, StringComparison.Ordinal);

        _cli.Environment["KUBECONFIG"] = Path.Combine(_cli.Home, "missing");
        Assert.Equal(
            $"Error: kubeconfig {Path.Combine(_cli.Home, "missing")} does not exist (set KUBECONFIG or pass --kubeconfig)",
            await _cli.RunFailingAsync("system", "check", "--preflight"));
    }

    [Fact]
    public async Task An_old_cluster_fails_the_version_check()
    {
        await using var old = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { KubernetesVersion = "v1.11.3" }, TestContext.Current.CancellationToken);
        var path = await old.WriteKubeConfigAsync(Path.Combine(_cli.Home, "old-kubeconfig"), TestContext.Current.CancellationToken);
        Assert.Equal(
            "Error: Kubernetes v1.11.3 is too old: Meshery needs 1.12.0 or later",
            await _cli.RunFailingAsync("system", "check", "--preflight", "--kubeconfig", path));
    }
}
