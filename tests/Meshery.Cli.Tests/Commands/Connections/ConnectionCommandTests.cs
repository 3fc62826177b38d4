using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Kubernetes;

namespace Meshery.Cli.Tests.Commands.Connections;

/// <summary><c>connection</c> against the real agent, with a kubeconfig of the fake Kubernetes API server.</summary>
public sealed class ConnectionCommandTests(InProcessAgent agent) : AgentCliTests(agent), IClassFixture<InProcessAgent>
{
    private FakeKubeApiServer? _cluster;
    private string _kubeconfig = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _kubeconfig = await _cluster.WriteKubeConfigAsync(Path.Combine(Cli.Home, "kubeconfig"), Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task A_kubeconfig_becomes_a_connection_to_list_view_and_delete()
    {
        var created = await Cli.RunOkAsync("connection", "create", "--type", "kubernetes", "--file", _kubeconfig);
        Assert.Contains($"Creating connections: uploading {_kubeconfig}", created.Out, StringComparison.Ordinal);
        Assert.Contains($"1 connection(s) saved from {_kubeconfig}.", created.Out, StringComparison.Ordinal);
        Assert.Matches("kubernetes +connected", created.Out);

        var page = JsonNode.Parse((await Cli.RunOkAsync("connection", "list", "--kind", "kubernetes", "-o", "json")).Out)!;
        var connection = Assert.Single(page["connections"]!.AsArray(), c => c!["metadata"]!["server"]!.GetValue<string>().TrimEnd('/') == _cluster!.BaseUri.ToString().TrimEnd('/'))!;
        var id = connection["id"]!.GetValue<string>();
        var name = connection["name"]!.GetValue<string>();
        Assert.Equal("connected", connection["status"]!.GetValue<string>());

        var yaml = YamlDocument.Parse((await Cli.RunOkAsync("connection", "list", "--status", "connected", "-o", "yaml")).Out)!;
        Assert.Contains(yaml["connections"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        Assert.Contains("Page 1 of 1 (", (await Cli.RunOkAsync("connection", "list")).Out, StringComparison.Ordinal);

        var viewed = JsonNode.Parse((await Cli.RunOkAsync("connection", "view", id, "-o", "json")).Out)!;
        Assert.Equal(name, viewed["name"]!.GetValue<string>());
        Assert.Equal("kubernetes", viewed["kind"]!.GetValue<string>());
        var table = (await Cli.RunOkAsync("connection", "view", name)).Out;
        Assert.Matches($"id +{id}", table);
        Assert.Matches("status +connected", table);

        Assert.Equal(
            $"Error: not deleting connection '{name}' ({id}) without confirmation: pass -y/--yes",
            await Cli.RunFailingAsync("connection", "delete", id));
        var deleted = JsonNode.Parse((await Cli.RunOkAsync("connection", "delete", id, "-y", "-o", "json")).Out)!;
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal(
            $"Error: connection {id} was not found on the Meshery server at {Agent.Url}",
            await Cli.RunFailingAsync("connection", "view", id));
    }

    [Fact(Timeout = TestLimits.Test)]
    public async Task Bad_kubeconfigs_are_one_line()
    {
        var missing = Path.Combine(Cli.Home, "missing");
        Assert.Equal(
            $"Error: the kubeconfig {missing} does not exist",
            await Cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", missing));

        var empty = Path.Combine(Cli.Home, "empty");
        await File.WriteAllTextAsync(empty, "", Ct);
        Assert.Equal($"Error: the kubeconfig {empty} is empty", await Cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", empty));

        var broken = Path.Combine(Cli.Home, "broken");
        await File.WriteAllTextAsync(broken, "apiVersion: v1\nclusters: [\n", Ct);
        Assert.StartsWith(
            "Error: the Meshery server refused the request (400): ",
            await Cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", broken),
            StringComparison.Ordinal);

        var huge = Path.Combine(Cli.Home, "huge");
        await File.WriteAllTextAsync(huge, new string('#', 1024 * 1024 + 1), Ct);
        Assert.Equal(
            $"Error: the kubeconfig {huge} is 1024 KiB: larger than the 1024 KiB the server accepts",
            await Cli.RunFailingAsync("connection", "create", "--type", "kubernetes", "-f", huge));

        var wrongType = await Cli.RunAsync("connection", "create", "--type", "prometheus", "-f", _kubeconfig);
        Assert.NotEqual(0, wrongType.ExitCode);
        Assert.Contains("prometheus", wrongType.Error, StringComparison.Ordinal);

        Assert.Equal(
            $"Error: connection 'no-such-cluster' was not found on the Meshery server at {Agent.Url} (see 'mesheryctl connection list')",
            await Cli.RunFailingAsync("connection", "view", "no-such-cluster"));
    }
}
