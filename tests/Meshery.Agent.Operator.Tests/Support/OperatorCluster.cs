using System.Text.Json.Nodes;
using Meshery.Agent.Operator;
using Meshery.Deploy.Install;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Meshery.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meshery.Agent.Operator.Tests.Support;

/// <summary>
/// A fake API server of its own (everything lives in namespace <c>meshery</c>), with the CRDs and namespace applied,
/// and running operators that stop on dispose.
/// </summary>
public sealed class OperatorCluster : IAsyncDisposable
{
    private readonly List<(CancellationTokenSource Stop, Task Run, k8s.Kubernetes Client)> _operators = [];

    private OperatorCluster(FakeKubeApiServer server)
    {
        Server = server;
        Client = server.CreateClient();
        Rest = new KubeRest(Client);
    }

    public FakeKubeApiServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public KubeRest Rest { get; }

    public static async Task<OperatorCluster> StartAsync(CancellationToken cancellationToken)
    {
        var cluster = new OperatorCluster(await FakeKubeApiServer.StartAsync(cancellationToken: cancellationToken));
        var applier = new BundleApplier(cluster.Client);
        var bundle = InstallBundle.Load(new InstallBundleOptions { IncludeDefaultResources = false });
        foreach (var document in bundle.Documents.Where(d => d.Kind is "Namespace" or "CustomResourceDefinition"))
        {
            await applier.ApplyAsync(document, cancellationToken);
        }

        return cluster;
    }

    public static OperatorOptions FastOptions(string identity) => new()
    {
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewInterval = TimeSpan.FromMilliseconds(200),
        RetryInterval = TimeSpan.FromMilliseconds(100),
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Starts an operator whose client has <paramref name="handlers"/> in its HTTP pipeline.</summary>
    public MesheryOperator StartOperator(OperatorOptions? options = null, params DelegatingHandler[] handlers)
    {
        var client = new k8s.Kubernetes(Server.CreateClientConfiguration(), handlers);
        var op = new MesheryOperator(client, options ?? FastOptions($"op-{_operators.Count}"), TimeProvider.System, NullLogger<MesheryOperator>.Instance);
        var stop = new CancellationTokenSource();
        _operators.Add((stop, Task.Run(() => op.RunAsync(stop.Token)), client));
        return op;
    }

    /// <summary>Stops one operator gracefully (it gives up its lease).</summary>
    public async Task StopOperatorAsync(int index)
    {
        var (stop, run, _) = _operators[index];
        await stop.CancelAsync();
        await run;
    }

    public Task<JsonObject?> GetAsync(string apiVersion, string kind, string name, CancellationToken cancellationToken) =>
        Rest.GetAsync(ResourceKind.Of(apiVersion, kind).ObjectPath(MesheryKinds.Namespace, name), cancellationToken);

    public Task<JsonObject> ApplyAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var document = new ManifestDocument(body);
        return Rest.ApplyAsync(document.Path, body, "test", cancellationToken);
    }

    public Task<JsonObject> MergePatchAsync(string apiVersion, string kind, string name, string subresource, JsonObject patch, CancellationToken cancellationToken) =>
        Rest.MergePatchAsync(ResourceKind.Of(apiVersion, kind).ObjectPath(MesheryKinds.Namespace, name) + subresource, patch, "operator-tests", cancellationToken);

    /// <summary>Plays the StatefulSet controller: marks <paramref name="ready"/> replicas ready.</summary>
    public Task<JsonObject> SetReadyReplicasAsync(string apiVersion, string kind, string name, int ready, CancellationToken cancellationToken) =>
        MergePatchAsync(apiVersion, kind, name, "/status",
            new JsonObject { ["status"] = new JsonObject { ["replicas"] = ready, ["readyReplicas"] = ready } }, cancellationToken);

    public static JsonObject NewBroker(string name, int size, string? version = null)
    {
        var spec = new JsonObject { ["size"] = size, ["service"] = new JsonObject { ["type"] = "ClusterIP" } };
        if (version is not null)
        {
            spec["version"] = version;
        }

        return new JsonObject
        {
            ["apiVersion"] = MesheryKinds.ApiVersion,
            ["kind"] = MesheryKinds.Broker,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = MesheryKinds.Namespace },
            ["spec"] = spec,
        };
    }

    public static JsonObject NewMeshSync(string name, string brokerName, string? whitelist = null)
    {
        var spec = new JsonObject
        {
            ["size"] = 1,
            ["broker"] = new JsonObject { ["native"] = new JsonObject { ["name"] = brokerName, ["namespace"] = MesheryKinds.Namespace } },
        };
        if (whitelist is not null)
        {
            spec["watch-list"] = new JsonObject { ["data"] = new JsonObject { ["whitelist"] = whitelist } };
        }

        return new JsonObject
        {
            ["apiVersion"] = MesheryKinds.ApiVersion,
            ["kind"] = MesheryKinds.MeshSync,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = MesheryKinds.Namespace },
            ["spec"] = spec,
        };
    }

    public static string? Condition(JsonObject? obj, string type) =>
        (string?)(obj?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type)?["status"];

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run, client) in _operators)
        {
            await stop.CancelAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                // stopped
            }

            stop.Dispose();
            client.Dispose();
        }

        Client.Dispose();
        await Server.DisposeAsync();
    }
}
