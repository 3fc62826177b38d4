using Meshery.Testing.Waiting;
using System.Text.Json.Nodes;
using Meshery.Cli.Tests.Support;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;

namespace Meshery.Cli.Tests.Commands.Systems;

/// <summary>
/// <c>system start|status|stop|logs -p kubernetes</c> against the fake API server, with the operator and the
/// simulated kubelet playing what runs in a real cluster once Meshery is installed.
/// </summary>
public sealed class KubernetesLifecycleTests : IAsyncLifetime
{
    private const string Waiting = "Installing Meshery: waiting for ";

    /// <summary>What the operator makes from the default Broker and MeshSync.</summary>
    private static readonly (string ApiVersion, string Kind, string Name)[] OperatorObjects =
    [
        ("apps/v1", "StatefulSet", "meshery-nats"),
        ("v1", "Service", "meshery-nats"),
        ("v1", "Service", "meshery-nats-headless"),
        ("v1", "ConfigMap", "meshery-nats-config"),
        ("v1", "Secret", "meshery-nats-auth"),
        ("apps/v1", "Deployment", "meshery-meshsync"),
    ];

    private readonly CliHarness _cli = new();
    private MesheryCluster? _cluster;

    private MesheryCluster Cluster => _cluster!;

    public async ValueTask InitializeAsync() => _cluster = await MesheryCluster.StartAsync(_cli);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _cli.Dispose();
    }

    [Fact]
    public async Task Start_installs_everything_shows_progress_until_ready_and_a_second_start_writes_nothing()
    {
        var output = new ObservedWriter();
        Cluster.StartOperator();
        Cluster.StartKubelet(gate: output.WaitForAsync(Waiting));

        var first = await _cli.RunAsync(output, "system", "start", "-p", "kubernetes", "--timeout", "60");

        Assert.True(first.ExitCode == 0, first.ToString());
        var lines = first.Out.ReplaceLineEndings("\n").Split('\n');
        var firstWait = Array.FindIndex(lines, l => l.StartsWith(Waiting, StringComparison.Ordinal));
        Assert.True(firstWait > 0 && firstWait < Array.IndexOf(lines, "Installing Meshery: every component is ready"), first.Out);
        ExpectedOutput.Match("start-kubernetes", string.Join('\n', lines.Where(l => !l.StartsWith(Waiting, StringComparison.Ordinal))));
        foreach (var document in InstallBundle.Load().Documents)
        {
            Assert.NotNull(await Cluster.Rest.GetAsync(document.Path, TestContext.Current.CancellationToken));
        }

        foreach (var (apiVersion, kind, name) in OperatorObjects)
        {
            Assert.NotNull(await Cluster.GetAsync(apiVersion, kind, MesheryKinds.Namespace, name));
        }

        // Nothing else writes now: a second start must find everything as it wants it and change nothing.
        await Cluster.StopKubeletAsync();
        await Cluster.StopOperatorAsync();
        var before = Cluster.Server.ResourceVersion;

        var second = await _cli.RunOkAsync("system", "start", "-p", "kubernetes");
        var json = JsonNode.Parse((await _cli.RunOkAsync("system", "start", "-p", "kubernetes", "-o", "json")).Out)!;

        Assert.Equal(before, Cluster.Server.ResourceVersion);
        ExpectedOutput.Match("start-kubernetes-again", second.Out);
        Assert.Equal("http://meshery.meshery.svc.cluster.local:9081/", (string?)json["url"]);
        Assert.Equal("kubectl -n meshery port-forward svc/meshery 9081", (string?)json["portForward"]);
        Assert.All(json["components"]!.AsArray(), c => Assert.Contains((string?)c!["state"], new[] { "Deployed", "Running" }));
    }

    [Fact]
    public async Task Status_reports_missing_then_not_ready_then_ready()
    {
        ExpectedOutput.Match("status-kubernetes-missing", (await _cli.RunOkAsync("system", "status", "-p", "kubernetes")).Out);

        // Installed, but nothing runs there yet: start gives up after its timeout, naming what is not ready.
        Assert.Equal(
            "Error: Meshery was not ready within 1 s: Deployment/meshery Deploying, Broker/meshery-broker Deploying, MeshSync/meshery-meshsync Deploying",
            await _cli.RunFailingAsync("system", "start", "-p", "kubernetes", "--timeout", "1"));
        ExpectedOutput.Match("status-kubernetes-not-ready", (await _cli.RunOkAsync("system", "status", "-p", "kubernetes")).Out);

        Cluster.StartOperator();
        Cluster.StartKubelet();
        await Eventually.HoldsAsync(
            async () => JsonNode.Parse((await _cli.RunOkAsync("system", "status", "-p", "kubernetes", "-o", "json")).Out)!,
            status => status["components"]!.AsArray().All(c => (string?)c!["state"] is "Deployed" or "Running"),
            "every component ready",
            TestContext.Current.CancellationToken);
        await Cluster.StopKubeletAsync();
        await Cluster.StopOperatorAsync();

        ExpectedOutput.Match("status-kubernetes-ready", (await _cli.RunOkAsync("system", "status", "-p", "kubernetes")).Out);
        ExpectedOutput.Match("status-kubernetes-ready-yaml", (await _cli.RunOkAsync("system", "status", "-p", "kubernetes", "-o", "yaml")).Out);
        var json = JsonNode.Parse((await _cli.RunOkAsync("system", "status", "-p", "kubernetes", "-o", "json")).Out)!;
        Assert.Equal(("local", "kubernetes"), ((string?)json["context"], (string?)json["platform"]));
        Assert.Equal(InstallBundle.Load().Documents.Select(d => d.Name), json["components"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public async Task Stop_lets_the_operator_clean_up_then_removes_everything()
    {
        await InstallAsync();

        var stop = await _cli.RunOkAsync("system", "stop", "-p", "kubernetes");
        var again = await _cli.RunOkAsync("system", "stop", "-p", "kubernetes");

        Assert.Equal("Meshery removed (12 objects deleted).\n", stop.Out.ReplaceLineEndings("\n"));
        Assert.Equal("Meshery is not installed.\n", again.Out.ReplaceLineEndings("\n"));
        await AssertRemovedAsync(namespaceKept: false);
    }

    [Fact]
    public async Task Stop_force_removes_what_a_missing_operator_left_and_keeps_the_namespace()
    {
        await InstallAsync();
        await Cluster.StopKubeletAsync();
        await Cluster.StopOperatorAsync();

        var stop = await _cli.RunOkAsync("system", "stop", "-p", "kubernetes", "--force", "--keep-namespace", "-o", "json");

        Assert.Equal(11, (int?)JsonNode.Parse(stop.Out)!["deleted"]);
        await AssertRemovedAsync(namespaceKept: true);
    }

    [Fact]
    public async Task Logs_show_each_components_pods()
    {
        await InstallAsync();
        var agentPods = await Cluster.Rest.ListAsync("api/v1/namespaces/meshery/pods", "component=agent", TestContext.Current.CancellationToken);
        var agentPod = (string)agentPods["items"]!.AsArray().Single()!["metadata"]!["name"]!;
        var secondBroker = Cluster.Server.Find("pods", "meshery", "meshery-nats-0")!;
        secondBroker["metadata"]!["name"] = "meshery-nats-1";
        secondBroker["metadata"]!.AsObject().Remove("resourceVersion");
        secondBroker["metadata"]!.AsObject().Remove("uid");
        Cluster.Server.Put(secondBroker);
        Cluster.Server.SetPodLog("meshery", "meshery-nats-1", SimulatedKubelet.LogOf("meshery-nats-1"));

        var agent = await _cli.RunOkAsync("system", "logs", "-p", "kubernetes");
        var meshsync = await _cli.RunOkAsync("system", "logs", "meshsync", "-p", "kubernetes", "--tail", "1");
        var broker = await _cli.RunOkAsync("system", "logs", "broker", "-p", "kubernetes", "--tail", "2");
        var byPod = await _cli.RunOkAsync("system", "logs", agentPod, "-p", "kubernetes");

        Assert.Equal(SimulatedKubelet.LogOf(agentPod), agent.Out);
        Assert.Equal(agent.Out, byPod.Out);
        Assert.Matches("^meshery-meshsync-[0-9a-f]{10}-[0-9a-f]{5}: ready\n$", meshsync.Out);
        ExpectedOutput.Match("logs-kubernetes-broker", broker.Out);
        Assert.Equal(
            "Error: no component or pod 'nope' in namespace 'meshery' (components: meshery, meshsync, broker)",
            await _cli.RunFailingAsync("system", "logs", "nope", "-p", "kubernetes"));
    }

    private async Task InstallAsync()
    {
        Cluster.StartOperator();
        Cluster.StartKubelet();
        await _cli.RunOkAsync("system", "start", "-p", "kubernetes", "--timeout", "60");
    }

    private async Task AssertRemovedAsync(bool namespaceKept)
    {
        foreach (var document in InstallBundle.Load().Documents)
        {
            var live = await Cluster.Rest.GetAsync(document.Path, TestContext.Current.CancellationToken);
            Assert.True((live is not null) == (namespaceKept && document.Kind == "Namespace"), $"{document.Kind}/{document.Name}");
        }

        foreach (var (apiVersion, kind, name) in OperatorObjects)
        {
            Assert.Null(await Cluster.GetAsync(apiVersion, kind, MesheryKinds.Namespace, name));
        }
    }
}
