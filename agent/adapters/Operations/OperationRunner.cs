using System.Collections.Concurrent;
using Meshery.Agent.Adapters.Clusters;
using Meshery.Agent.Adapters.Events;
using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>
/// Runs operations in the background, as <c>ApplyOperation</c> promises: the call returns the operation id at once
/// and the progress and outcome arrive on <c>StreamEvents</c>: an INFO when the work starts, one event per cluster
/// when there are several, and last an INFO (done) or an ERROR (with probable cause and remediation).
/// </summary>
public sealed class OperationRunner : IAsyncDisposable
{
    private static readonly BundleApplierOptions ApplierOptions = new() { FieldManager = "meshery-adapter" };

    private readonly OperationCatalog _catalog;
    private readonly AdapterEventHub _hub;
    private readonly ClusterConnector _clusters;
    private readonly AdapterOptions _options;
    private readonly ILogger<OperationRunner> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public OperationRunner(OperationCatalog catalog, AdapterEventHub hub, ClusterConnector clusters, IOptions<AdapterOptions> options, ILogger<OperationRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _hub = hub;
        _clusters = clusters;
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentOperations);
    }

    /// <summary>Starts the operation and returns its id (the request's, or a new one when it has none).</summary>
    public string Start(ApplyRuleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = string.IsNullOrWhiteSpace(request.OperationId) ? Guid.NewGuid().ToString() : request.OperationId;
        var operation = new OperationRequest(
            id,
            request.OpName,
            string.IsNullOrWhiteSpace(request.Namespace) ? "default" : request.Namespace,
            request.Username,
            request.CustomBody,
            request.DeleteOp,
            request.Version);
        var kubeconfigs = request.KubeConfigs.ToList();
        AdapterLog.OperationStarted(_logger, operation.OpName, id, operation.Namespace, operation.DeleteOp, kubeconfigs.Count);
        var task = Task.Run(() => RunAsync(operation, kubeconfigs, _stopping.Token));
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync(OperationRequest request, List<string> kubeconfigs, CancellationToken stopping)
    {
        var events = new OperationEvents(request.OperationId, _options.Component.Type, _options.MeshName);
        try
        {
            if (_catalog.Find(request.OpName) is not { } operation)
            {
                var known = string.Join(", ", _catalog.All.Select(o => o.Key));
                _hub.Publish(events.Error(
                    $"Operation {request.OpName} is not supported",
                    new OperationFailure(
                        OperationFailure.UnknownOperationCode,
                        $"This adapter offers: {known}.",
                        $"The server asked {_options.MeshName} for an operation it does not offer.",
                        "Choose one of the operations the adapter lists (SupportedOperations).")));
                return;
            }

            await _slots.WaitAsync(stopping).ConfigureAwait(false);
            try
            {
                await RunAsync(operation, request, kubeconfigs, events, stopping).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The adapter is stopping; its subscribers are gone with it.
        }
        catch (Exception ex)
        {
            AdapterLog.OperationCrashed(_logger, request.OperationId, ex);
            _hub.Publish(events.Error($"Operation {request.OpName} failed", OperationFailure.Of(ex)));
        }
    }

    private async Task RunAsync(IAdapterOperation operation, OperationRequest request, List<string> kubeconfigs, OperationEvents events, CancellationToken stopping)
    {
        var title = operation.Title;
        var (doing, done, notDone) = request.DeleteOp
            ? ($"Removing {title}", $"{title} removed", $"{title} not removed")
            : ($"Applying {title}", $"{title} applied", $"{title} not applied");
        IReadOnlyList<ManifestDocument> documents;
        List<TargetCluster> clusters;
        try
        {
            documents = operation.Prepare(request);
            clusters = Connect(kubeconfigs);
        }
        catch (Exception ex) when (ex is InvalidManifestException or KubeconfigUnusableException)
        {
            Publish(events.Error(notDone, OperationFailure.Of(ex)), request);
            return;
        }

        try
        {
            if (clusters.Count == 0)
            {
                Publish(events.Error(notDone, new OperationFailure(
                    OperationFailure.NoClusterCode,
                    "The operation names no Kubernetes cluster (kube_configs is empty) and the adapter does not run in one.",
                    "No Kubernetes cluster is connected to Meshery.",
                    "Connect a cluster (upload its kubeconfig) and run the operation again.")), request);
                return;
            }

            _hub.Publish(events.Info(doing, $"On {clusters.Count} cluster(s), namespace {request.Namespace}."));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(_options.OperationTimeout);
            var lines = new List<string>();
            var failures = new List<(string Cluster, OperationFailure Failure)>();
            foreach (var cluster in clusters)
            {
                try
                {
                    var touched = await operation.RunAsync(request, documents, new ManifestApplier(cluster.Client, ApplierOptions), timeout.Token).ConfigureAwait(false);
                    lines.AddRange(touched.Select(l => clusters.Count > 1 ? $"{cluster.Name}: {l}" : l));
                    if (clusters.Count > 1)
                    {
                        _hub.Publish(events.Info($"{done} on {cluster.Name}", string.Join('\n', touched)));
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    var failure = OperationFailure.Of(ex);
                    failures.Add((cluster.Name, failure));
                    if (clusters.Count > 1)
                    {
                        _hub.Publish(events.Error($"{notDone} on {cluster.Name}", failure));
                    }
                }
            }

            if (failures.Count == 0)
            {
                AdapterLog.OperationSucceeded(_logger, request.OpName, request.OperationId);
                _hub.Publish(events.Info(done, string.Join('\n', lines)));
                return;
            }

            var (name, first) = failures[0];
            var summary = failures.Count == clusters.Count ? notDone : $"{notDone} on {failures.Count} of {clusters.Count} clusters";
            Publish(events.Error(summary, first with { Details = $"{name}: {first.Details}" }), request);
        }
        finally
        {
            foreach (var cluster in clusters)
            {
                cluster.Dispose();
            }
        }
    }

    private List<TargetCluster> Connect(List<string> kubeconfigs)
    {
        if (kubeconfigs.Count == 0)
        {
            return _clusters.InCluster() is { } inCluster ? [inCluster] : [];
        }

        var clusters = new List<TargetCluster>(kubeconfigs.Count);
        try
        {
            foreach (var kubeconfig in kubeconfigs)
            {
                clusters.Add(_clusters.Connect(kubeconfig));
            }
        }
        catch
        {
            clusters.ForEach(c => c.Dispose());
            throw;
        }

        return clusters;
    }

    private void Publish(EventsResponse error, OperationRequest request)
    {
        AdapterLog.OperationFailed(_logger, request.OpName, request.OperationId, error.ErrorCode, error.Details);
        _hub.Publish(error);
    }
}
