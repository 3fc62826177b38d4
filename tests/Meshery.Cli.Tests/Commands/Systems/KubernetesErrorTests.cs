using System.Text;
using Meshery.Cli.Tests.Support;
using Meshery.Testing.Kubernetes;

namespace Meshery.Cli.Tests.Commands.Systems;

/// <summary>
/// A malformed kubeconfig, an unreachable cluster and a forbidden action: every Kubernetes command prints one clear
/// line on stderr and exits 1. The lines are checked against <c>Expected/kubernetes-errors.txt</c>.
/// </summary>
public sealed class KubernetesErrorTests : IAsyncLifetime
{
    private static readonly string[][] Commands =
    [
        ["system", "start", "-p", "kubernetes", "--timeout", "5"],
        ["system", "status", "-p", "kubernetes"],
        ["system", "stop", "-p", "kubernetes"],
        ["system", "logs", "-p", "kubernetes"],
        ["system", "check", "--preflight"],
    ];

    /// <summary>What each command is refused, in the order of <see cref="Commands"/>: resource and verb.</summary>
    private static readonly (string Resource, string Verb)[] Refusals =
    [
        ("deployments.apps", "patch"),
        ("customresourcedefinitions.apiextensions.k8s.io", "get"),
        ("namespaces", "delete"),
        ("deployments.apps", "get"),
        ("pods", "list"),
    ];

    private readonly CliHarness _cli = new();
    private readonly StringBuilder _transcript = new();
    private FakeKubeApiServer? _server;

    private FakeKubeApiServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _server.WriteKubeConfigAsync(Path.Combine(_cli.Home, ".kube", "config"), TestContext.Current.CancellationToken);
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
    public async Task Each_failure_is_one_clear_line_and_exit_1()
    {
        var bad = Path.Combine(_cli.Home, "bad-kubeconfig");
        await File.WriteAllTextAsync(bad, "apiVersion: v1\nclusters: [\n", TestContext.Current.CancellationToken);
        _transcript.Append("# malformed kubeconfig\n");
        foreach (var command in Commands)
        {
            await FailAsync([.. command, "--kubeconfig", bad]);
        }

        _transcript.Append("# forbidden\n");
        for (var i = 0; i < Commands.Length; i++)
        {
            Server.ClearFaults();
            Server.Forbid(Refusals[i].Resource, Refusals[i].Verb);
            await FailAsync(Commands[i]);
        }

        Server.ClearFaults();
        await Server.StopAsync(TestContext.Current.CancellationToken);
        _transcript.Append("# unreachable\n");
        foreach (var command in Commands)
        {
            await FailAsync(command);
        }

        ExpectedOutput.Match(
            "kubernetes-errors",
            _transcript.ToString(),
            (_cli.Home, "<home>"),
            (Server.BaseUri.ToString().TrimEnd('/'), "<server>"));
    }

    private async Task FailAsync(string[] args)
    {
        var result = await _cli.RunAsync(args);
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 1 && lines.Length == 1, $"mesheryctl {string.Join(' ', args)}: {result}");
        _transcript.Append("$ mesheryctl ").AppendJoin(' ', args).Append('\n').Append(lines[0]).Append('\n');
    }
}
