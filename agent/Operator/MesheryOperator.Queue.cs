using System.Net;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Operator;

public sealed partial class MesheryOperator
{
    /// <summary>Reconciles queued resources one at a time; a failure requeues that resource after a backoff.</summary>
    private async Task ProcessQueueAsync(CancellationToken cancellationToken)
    {
        var queue = _queue;
        var pending = _pending;
        var backoffs = new Dictionary<(string, string), OperatorBackoff>();
        try
        {
            await foreach (var key in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.TryRemove(key, out _);
                try
                {
                    Interlocked.Increment(ref _reconciles);
                    await (key.Kind == MesheryKinds.Broker
                        ? _brokers.ReconcileAsync(key.Name, cancellationToken)
                        : _meshSyncs.ReconcileAsync(key.Name, cancellationToken)).ConfigureAwait(false);
                    backoffs.Remove(key);
                }
                catch (Exception e) when (e is KubeRestException or HttpRequestException or IOException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
                {
                    if (!backoffs.TryGetValue(key, out var backoff))
                    {
                        backoffs[key] = backoff = new OperatorBackoff(_options.InitialBackoff, _options.MaxBackoff);
                    }

                    // A conflict means the object moved on: its watch event is coming, but retry soon in any case.
                    var delay = e is KubeRestException { StatusCode: HttpStatusCode.Conflict } ? _options.InitialBackoff : backoff.Next();
                    OperatorLog.ReconcileFailed(_logger, key.Kind, _options.Namespace, key.Name, delay, e);
                    _ = RequeueAfterAsync(key, delay, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // lost the lease or stopping
        }
    }

    private async Task RequeueAfterAsync((string Kind, string Name) key, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            Enqueue(key.Kind, key.Name);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
