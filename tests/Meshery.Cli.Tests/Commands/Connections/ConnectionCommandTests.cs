using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Kubernetes;

namespace Meshery.Cli.Tests.Commands.Connections;

/// <summary><c>connection</c> against the real agent, with a kubeconfig of the fake Kubernetes API server.</summary>
public sealed class ConnectionCommandTests(InProcessAgent agent) : IClassFixture<InProcessAgent>, IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private FakeKubeApiServer? _cluster;
    private string _kubeconfig = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await AgentContext.UseAsync(_cli, agent.Url);
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _kubeconfig = await _cluster.WriteKubeConfigAsync(Path.Combine(_cli.Home, "kubeconfig"), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _cli.Dispose();
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_kubeconfig_becomes_a_connection_to_list_view_and_delete()
    {
        var created = await _cli.RunOkAsync("connection", "create", "--type", "kubernetes", "--file", _kubeconfig);
        Assert.Contains($"Creating connections: uploading {_kubeconfig}", created.Out, StringComparison.Ordinal);
        Assert.Contains($"1 connection(s) saved from {_kubeconfig}.", created.Out, StringComparison.Ordinal);
        Assert.Matches("kubernetes +connected", created.Out);

        var page = JsonNode.Parse((await _cli.RunOkAsync("connection", "list", "--kind", "kubernetes", "-o", "json")).Out)!;
        var connection = Assert.Single(page["connections"]!.AsArray(), c => c!["metadata"]!["server"]!.GetValue<string>().TrimEnd('/') == _cluster!.BaseUri.ToString().TrimEnd('/'))!;
        var id = connection["id"]!.GetValue<string>();
        var name = connection["name"]!.GetValue<string>();
        Assert.Equal("connected", connection["status"]!.GetValue<string>());

        var yaml = YamlDocument.Parse((await _cli.RunOkAsync("connection", "list", "--status", "connected", "-o", "yaml")).Out)!;
        Assert.Contains(yaml["connections"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        Assert.Contains("Page 1 of 1 (", (await _cli.RunOkAsync("connection", "list")).Out, StringComparison.Ordinal);

        var viewed = JsonNode.Parse((await _cli.RunOkAsync("connection", "view", id, "-o", "json")).Out)!;
        Assert.Equal(name, viewed["name"]!.GetValue<string>());
        Assert.Equal("kubernetes", viewed["kind"]!.GetValue<string>());
        var table = (await _cli.RunOkAsync("connection", "view", name)).Out;
        Assert.Matches($"id +{id}", table);
        Assert.Matches("status +connected", table);

        Assert.Equal(
            $"Error: not deleting connection '{name}' ({id}) without confirmation: pass -y/--yes",
            await _cli.RunFailingAsync("connection", "delete", id));
        var deleted = JsonNode.Parse((await _cli.RunOkAsync("connection", "delete", id, "-y", "-o", "json")).Out)!;
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal(
            $"Error: connection {id} was not found on the Meshery server at {agent.Url}",
            await _cli.RunFailingAsync("connection", "view", id));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Bad_kubeconfigs_are_one_line()
    {
        var missing = Path.Combine(_cli.Home, "missing");
        Assert.Equal(
            $"Error: the kubeconfig {missing} does not exist",
            await _cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", missing));

        var empty = Path.Combine(_cli.Home, "empty");
        await File.WriteAllTextAsync(empty, "", Ct);
        Assert.Equal($"Error: the kubeconfig {empty} is empty", await _cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", empty));

        var broken = Path.Combine(_cli.Home, "broken");
        await File.WriteAllTextAsync(broken, "apiVersion: v1\nclusters: [\n", Ct);
        Assert.StartsWith(
            "Error: the Meshery server refused the request (400): ",
            await _cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", broken),
            StringComparison.Ordinal);

        var huge = Path.Combine(_cli.Home, "huge");
        await File.WriteAllTextAsync(huge, new string('#', 1024 * 1024 + 1), Ct);
        Assert.Equal(
            $"Error: the kubeconfig {huge} is 1024 KiB: larger than the 1024 KiB the server accepts",
            await _cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", huge));

        var wrongType = await _cli.RunAsync("connection", "create", "--type", "prometheus", "-f", _kubeconfig);
        Assert.NotEqual(0, wrongType.ExitCode);
        Assert.Contains("prometheus", wrongType.Error, StringComparison.Ordinal);

        Assert.Equal(
            $"Error: connection 'no-such-cluster' was not found on the Meshery server at {agent.Url} (see 'mesheryctl connection list')",
            await _cli.RunFailingAsync("connection", "view", "no-such-cluster"));
    }
}
