using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Meshery.Testing.Kubernetes;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// Plays what the fake API server lacks and a real cluster runs for namespace <c>meshery</c>: the Deployment and
/// StatefulSet controllers and the kubelet. Each workload gets one running pod per replica (named and labelled as
/// the real controllers do), a pod log, and its replicas reported ready. It starts acting once its gate opens.
/// </summary>
public sealed class SimulatedKubelet : IAsyncDisposable
{
    private static readonly ResourceKind Deployments = ResourceKind.Of("apps/v1", "Deployment");
    private static readonly ResourceKind StatefulSets = ResourceKind.Of("apps/v1", "StatefulSet");

    private readonly FakeKubeApiServer _server;
    private readonly k8s.Kubernetes _client;
    private readonly KubeRest _rest;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    private SimulatedKubelet(FakeKubeApiServer server)
    {
        _server = server;
        _client = server.CreateClient();
        _rest = new KubeRest(_client);
    }

    /// <summary>Starts acting once <paramref name="gate"/> completes (at once when null).</summary>
    public static SimulatedKubelet Start(FakeKubeApiServer server, Task? gate = null)
    {
        var kubelet = new SimulatedKubelet(server);
        kubelet._run = Task.Run(() => kubelet.RunAsync(gate ?? Task.CompletedTask, kubelet._stop.Token));
        return kubelet;
    }

    /// <summary>What each pod's log holds: a start line naming the pod, then two more.</summary>
    public static string LogOf(string pod) => $"{pod}: starting\n{pod}: listening\n{pod}: ready\n";

    private async Task RunAsync(Task gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            try
            {
                await ActAsync(Deployments, cancellationToken);
                await ActAsync(StatefulSets, cancellationToken);
            }
            catch (KubeRestException)
            {
                // the namespace or the object went away meanwhile: look again next tick
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task ActAsync(ResourceKind kind, CancellationToken cancellationToken)
    {
        var list = await _rest.ListAsync(kind.CollectionPath(MesheryKinds.Namespace), null, cancellationToken);
        foreach (var workload in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (workload["metadata"]?["deletionTimestamp"] is not null)
            {
                continue;
            }

            var name = (string)workload["metadata"]!["name"]!;
            var replicas = (int?)workload["spec"]?["replicas"] ?? 1;
            var generation = (long?)workload["metadata"]?["generation"] ?? 1;
            var status = workload["status"];
            if ((int?)status?["readyReplicas"] == replicas && (long?)status?["observedGeneration"] == generation)
            {
                continue;
            }

            for (var i = 0; i < replicas; i++)
            {
                var pod = kind == StatefulSets ? $"{name}-{i}" : $"{name}-{Hash(name, 10)}-{Hash(name + i.ToString(CultureInfo.InvariantCulture), 5)}";
                _server.Put(Pod(workload, pod));
                _server.SetPodLog(MesheryKinds.Namespace, pod, LogOf(pod));
            }

            await _rest.MergePatchAsync(kind.ObjectPath(MesheryKinds.Namespace, name) + "/status", new JsonObject
            {
                ["status"] = new JsonObject
                {
                    ["observedGeneration"] = generation,
                    ["replicas"] = replicas,
                    ["readyReplicas"] = replicas,
                    ["availableReplicas"] = replicas,
                    ["updatedReplicas"] = replicas,
                },
            }, "simulated-kubelet", cancellationToken);
        }
    }

    private static JsonObject Pod(JsonObject workload, string name)
    {
        var template = workload["spec"]?["template"];
        var containers = new JsonArray((template?["spec"]?["containers"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(c => (JsonNode?)new JsonObject { ["name"] = c["name"]?.DeepClone(), ["image"] = c["image"]?.DeepClone() }).ToArray());
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = MesheryKinds.Namespace,
                ["labels"] = template?["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
            },
            ["spec"] = new JsonObject { ["containers"] = containers },
            ["status"] = new JsonObject { ["phase"] = "Running" },
        };
    }

    private static string Hash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
        _client.Dispose();
    }
}
