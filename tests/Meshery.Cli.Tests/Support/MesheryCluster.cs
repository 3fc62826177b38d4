using System.Text.Json.Nodes;
using Meshery.Agent.Operator;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Meshery.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// A cluster for mesheryctl: the fake API server with its kubeconfig at the CLI home's <c>~/.kube/config</c>, and,
/// when asked, what runs there once Meshery is installed: the operator (the agent's module, run in-process as the
/// agent pod would run it) and the <see cref="SimulatedKubelet"/>.
/// </summary>
public sealed class MesheryCluster : IAsyncDisposable
{
    private readonly k8s.Kubernetes _client;
    private (CancellationTokenSource Stop, Task Run, k8s.Kubernetes Client)? _operator;
    private SimulatedKubelet? _kubelet;

    private MesheryCluster(FakeKubeApiServer server, string kubeConfig)
    {
        Server = server;
        KubeConfig = kubeConfig;
        _client = server.CreateClient();
        Rest = new KubeRest(_client);
    }

    public FakeKubeApiServer Server { get; }

    public string KubeConfig { get; }

    public KubeRest Rest { get; }

    public static async Task<MesheryCluster> StartAsync(CliHarness cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var server = await FakeKubeApiServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var kubeConfig = await server.WriteKubeConfigAsync(Path.Combine(cli.Home, ".kube", "config"), TestContext.Current.CancellationToken);
        return new MesheryCluster(server, kubeConfig);
    }

    /// <summary>Runs the operator until <see cref="StopOperatorAsync"/> (it waits for its namespace and lease by itself).</summary>
    public void StartOperator()
    {
        var client = Server.CreateClient();
        var options = new OperatorOptions
        {
            Identity = "meshery-test-pod",
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewInterval = TimeSpan.FromMilliseconds(200),
            RetryInterval = TimeSpan.FromMilliseconds(100),
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(500),
        };
        var op = new MesheryOperator(client, options, TimeProvider.System, NullLogger<MesheryOperator>.Instance);
        var stop = new CancellationTokenSource();
        _operator = (stop, Task.Run(() => op.RunAsync(stop.Token)), client);
    }

    public async Task StopOperatorAsync()
    {
        if (_operator is { } running)
        {
            _operator = null;
            await running.Stop.CancelAsync();
            await running.Run;
            running.Stop.Dispose();
            running.Client.Dispose();
        }
    }

    /// <summary>Starts the simulated controllers and kubelet once <paramref name="gate"/> completes.</summary>
    public void StartKubelet(Task? gate = null) => _kubelet = SimulatedKubelet.Start(Server, gate);

    public async Task StopKubeletAsync()
    {
        if (_kubelet is { } kubelet)
        {
            _kubelet = null;
            await kubelet.DisposeAsync();
        }
    }

    public Task<JsonObject?> GetAsync(string apiVersion, string kind, string? ns, string name) =>
        Rest.GetAsync(ResourceKind.Of(apiVersion, kind).ObjectPath(ns, name), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopKubeletAsync();
        await StopOperatorAsync();
        _client.Dispose();
        await Server.DisposeAsync();
    }
}
