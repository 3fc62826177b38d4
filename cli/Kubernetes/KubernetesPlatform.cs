using System.Text.Json.Nodes;
using k8s;
using Meshery.Deploy.Install;

namespace Meshery.Cli.Kubernetes;

/// <summary>Meshery in a Kubernetes cluster through the install bundle (<see cref="BundleApplier"/>).</summary>
public sealed class KubernetesPlatform : IDisposable
{
    public const string Namespace = "meshery";

    private readonly k8s.Kubernetes _client;
    private readonly string _server;

    public KubernetesPlatform(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _client = new k8s.Kubernetes(configuration);
        _server = configuration.Host;
        Applier = new BundleApplier(_client);
    }

    public BundleApplier Applier { get; }

    public static InstallBundle LoadBundle() => InstallBundle.Load();

    /// <summary>Applies the bundle, then polls until every component is ready or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<ComponentStatus>> StartAsync(TimeSpan timeout, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bundle = LoadBundle();
        try
        {
            await Applier.ApplyAsync(bundle, new Progress(report), cancellationToken).ConfigureAwait(false);
            var deadline = DateTimeOffset.UtcNow + timeout;
            while (true)
            {
                var states = await Applier.GetStatusAsync(bundle, cancellationToken).ConfigureAwait(false);
                if (BundleApplier.IsReady(states))
                {
                    report("every component is ready");
                    return states;
                }

                var waiting = states.Where(s => s.State is not (ComponentState.Deployed or ComponentState.Running)).ToList();
                report($"waiting for {string.Join(", ", waiting.Select(s => $"{s.Kind}/{s.Name} ({s.Detail ?? s.State.ToString()})"))}");
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    throw new CliException($"Meshery was not ready within {timeout.TotalSeconds:0} s: {string.Join(", ", waiting.Select(s => $"{s.Kind}/{s.Name} {s.State}"))}");
                }

                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>The logs of the pods whose name starts with <paramref name="component"/> (default: the agent, <c>meshery</c>).</summary>
    public async Task<string> LogsAsync(string? component, int? tail, CancellationToken cancellationToken)
    {
        var prefix = component ?? "meshery";
        try
        {
            var pods = await _client.CoreV1.ListNamespacedPodAsync(Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            var matching = pods.Items.Where(p => p.Metadata.Name.StartsWith(prefix + "-", StringComparison.Ordinal) || p.Metadata.Name == prefix).ToList();
            if (matching.Count == 0)
            {
                throw new CliException($"no pod of component '{prefix}' in namespace '{Namespace}' (see 'mesheryctl system status -p kubernetes')");
            }

            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var pod in matching)
            {
                using var stream = await _client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, Namespace, tailLines: tail, cancellationToken: cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                await text.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw KubeConnector.Translate(ex, $"read the logs of pods in namespace '{Namespace}'", _server);
        }
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
