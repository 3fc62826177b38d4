using System.Net;
using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Operator.Watching;

/// <summary>
/// Informer-style list and watch of one collection: lists, hands every object on, then watches from the last
/// resourceVersion (bookmarks on), re-lists on 410 Gone and backs off between failures. Runs until cancelled.
/// </summary>
internal sealed class ResourceWatch(
    KubeRest rest, string collectionPath, string? labelSelector, Func<JsonObject, CancellationToken, ValueTask> onObject,
    OperatorOptions options, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new OperatorBackoff(options.InitialBackoff, options.MaxBackoff);
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await rest.ListAsync(collectionPath, labelSelector, cancellationToken).ConfigureAwait(false);
                    foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        await onObject(item, cancellationToken).ConfigureAwait(false);
                    }

                    resourceVersion = (string?)list["metadata"]?["resourceVersion"] ?? "0";
                }

                await foreach (var (type, obj) in rest.WatchAsync(collectionPath, resourceVersion, labelSelector, options.WatchTimeout, cancellationToken).ConfigureAwait(false))
                {
                    resourceVersion = (string?)obj["metadata"]?["resourceVersion"] ?? resourceVersion;
                    if (type != "BOOKMARK")
                    {
                        await onObject(obj, cancellationToken).ConfigureAwait(false);
                    }
                }

                backoff.Reset();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubeRestException e) when (e.StatusCode == HttpStatusCode.Gone)
            {
                resourceVersion = null;
            }
            catch (Exception e) when (e is KubeRestException or HttpRequestException or IOException or System.Text.Json.JsonException)
            {
                var delay = backoff.Next();
                OperatorLog.WatchFailed(logger, collectionPath, delay, e.Message);
                resourceVersion = null;
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
