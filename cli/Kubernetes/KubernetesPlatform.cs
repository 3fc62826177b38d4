using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Meshery.Deploy.Install;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Cli.Kubernetes;

/// <summary>Meshery in a Kubernetes cluster through the install bundle (<see cref="BundleApplier"/>).</summary>
public sealed class KubernetesPlatform : IDisposable
{
    public const string Namespace = MesheryKinds.Namespace;

    /// <summary>The agent Service's port.</summary>
    public const int ServerPort = 9081;

    private readonly k8s.Kubernetes _client;
    private readonly string _server;
    private readonly KubeRest _rest;

    public KubernetesPlatform(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _client = new k8s.Kubernetes(configuration);
        _server = configuration.Host;
        _rest = new KubeRest(_client);
        Applier = new BundleApplier(_client);
    }

    /// <summary>How often <see cref="StartAsync"/> reads the components' states while it waits.</summary>
    public static readonly TimeSpan StatusPollInterval = TimeSpan.FromMilliseconds(500);

    public BundleApplier Applier { get; }

    public static InstallBundle LoadBundle() => InstallBundle.Load();

    /// <summary>Applies the bundle, then polls until every component is ready or <paramref name="timeout"/> passes; returns the states and the server's URL.</summary>
    public async Task<(IReadOnlyList<ComponentStatus> States, Uri Url)> StartAsync(TimeSpan timeout, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bundle = LoadBundle();
        try
        {
            await Applier.ApplyAsync(bundle, new Progress(report), cancellationToken).ConfigureAwait(false);
            var deadline = TimeProvider.System.GetUtcNow() + timeout;
            while (true)
            {
                var states = await Applier.GetStatusAsync(bundle, cancellationToken).ConfigureAwait(false);
                if (BundleApplier.IsReady(states))
                {
                    report("every component is ready");
                    return (states, await ServerUrlAsync(cancellationToken).ConfigureAwait(false));
                }

                var waiting = states.Where(s => s.State is not (ComponentState.Deployed or ComponentState.Running)).ToList();
                report($"waiting for {string.Join(", ", waiting.Select(s => $"{s.Kind}/{s.Name} ({s.Detail ?? s.State.ToString()})"))}");
                if (TimeProvider.System.GetUtcNow() >= deadline)
                {
                    throw new CliException($"Meshery was not ready within {timeout.TotalSeconds:0} s: {string.Join(", ", waiting.Select(s => $"{s.Kind}/{s.Name} {s.State}"))}");
                }

                await Task.Delay(StatusPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw KubeConnector.Translate(ex, "install Meshery", _server);
        }
    }

    public async Task<IReadOnlyList<ComponentStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Applier.GetStatusAsync(LoadBundle(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw KubeConnector.Translate(ex, "read Meshery's components", _server);
        }
    }

    public async Task<int> StopAsync(bool keepNamespace, bool force, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BundleRemoveOptions { KeepNamespace = keepNamespace, FinalizerTimeout = force ? TimeSpan.Zero : TimeSpan.FromSeconds(30) };
            var removed = await Applier.RemoveAsync(LoadBundle(), options, cancellationToken).ConfigureAwait(false);
            return removed.Count;
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw KubeConnector.Translate(ex, "remove Meshery", _server);
        }
    }

    /// <summary>
    /// The logs of a component's pods (default: the agent, <c>meshery</c>), found through its workload's selector;
    /// a pod's own name works too. Several pods each get a <c>==&gt; pod/NAME &lt;==</c> header.
    /// </summary>
    public async Task<string> LogsAsync(string? component, int? tail, CancellationToken cancellationToken)
    {
        var name = component ?? MesheryWorkloads.All[0].Component;
        try
        {
            var pods = await FindPodsAsync(name, cancellationToken).ConfigureAwait(false);
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var pod in pods)
            {
                if (pods.Count > 1)
                {
                    await text.WriteLineAsync($"==> pod/{pod.Metadata.Name} <==").ConfigureAwait(false);
                }

                var container = pod.Spec?.Containers?.FirstOrDefault()?.Name;
                using var stream = await _client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, Namespace, container: container, tailLines: tail, cancellationToken: cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                var log = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                await text.WriteAsync(log.Length == 0 || log.EndsWith('\n') ? log : log + "\n").ConfigureAwait(false);
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw KubeConnector.Translate(ex, $"read the logs of '{name}' in namespace '{Namespace}'", _server);
        }
    }

    private async Task<IReadOnlyList<V1Pod>> FindPodsAsync(string name, CancellationToken cancellationToken)
    {
        var components = string.Join(", ", MesheryWorkloads.All.Select(w => w.Component));
        if (MesheryWorkloads.Find(name) is not { } workload)
        {
            var pod = await _rest.GetAsync(ResourceKind.Of("v1", "Pod").ObjectPath(Namespace, name), cancellationToken).ConfigureAwait(false);
            return pod is null
                ? throw new CliException($"no component or pod '{name}' in namespace '{Namespace}' (components: {components})")
                : [await _client.CoreV1.ReadNamespacedPodAsync(name, Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)];
        }

        var live = await _rest.GetAsync(workload.Kind.ObjectPath(Namespace, workload.Name), cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"component '{workload.Component}' is not deployed: no {workload.Kind.Kind} '{workload.Name}' in namespace '{Namespace}' (see 'mesheryctl system status -p kubernetes')");
        var labels = (live["spec"]?["selector"]?["matchLabels"] as JsonObject ?? []).Select(l => $"{l.Key}={(string?)l.Value}");
        var pods = await _client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: string.Join(',', labels), cancellationToken: cancellationToken).ConfigureAwait(false);
        return pods.Items.Count == 0
            ? throw new CliException($"component '{workload.Component}' has no pods yet (see 'mesheryctl system status -p kubernetes')")
            : [.. pods.Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Where the server answers: the load balancer's address when the Service has one, else its cluster DNS name
    /// (reachable from outside with <c>kubectl port-forward</c>).
    /// </summary>
    public async Task<Uri> ServerUrlAsync(CancellationToken cancellationToken)
    {
        var service = await _rest.GetAsync(ResourceKind.Of("v1", "Service").ObjectPath(Namespace, MesheryWorkloads.AgentDeployment), cancellationToken).ConfigureAwait(false);
        var port = (int?)service?["spec"]?["ports"]?[0]?["port"] ?? ServerPort;
        var ingress = service?["status"]?["loadBalancer"]?["ingress"]?[0];
        var host = (string?)ingress?["ip"] ?? (string?)ingress?["hostname"] ?? $"{MesheryWorkloads.AgentDeployment}.{Namespace}.svc.cluster.local";
        return new UriBuilder("http", host, port).Uri;
    }

    public static JsonArray ToJson(IEnumerable<ComponentStatus> states) =>
        new(states.Select(s => (JsonNode)new JsonObject
        {
            ["kind"] = s.Kind,
            ["name"] = s.Name,
            ["namespace"] = s.Namespace,
            ["state"] = s.State.ToString(),
            ["detail"] = s.Detail,
        }).ToArray());

    public void Dispose() => _client.Dispose();

    private sealed class Progress(Action<string> report) : IProgress<AppliedObject>
    {
        public void Report(AppliedObject value) => report($"{value.Kind}/{value.Name} {value.Outcome.ToString().ToLowerInvariant()}");
    }
}
