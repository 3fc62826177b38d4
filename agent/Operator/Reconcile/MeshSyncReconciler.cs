using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>Brings a MeshSync's Deployment in line with its spec and its broker, and reports where it publishes.</summary>
internal sealed class MeshSyncReconciler(KubeRest rest, OperatorOptions options, TimeProvider time, ILogger logger)
{
    public const string Finalizer = "meshsync.meshery.io/finalizer";
    private const string FieldManager = "meshery-operator";

    private static readonly ResourceKind Deployments = ResourceKind.Of("apps/v1", "Deployment");

    public async Task ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        var ns = options.Namespace;
        var path = CustomResources.MeshSyncs.ObjectPath(ns, name);
        var meshSync = await rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (meshSync is null)
        {
            return;
        }

        var deploymentPath = Deployments.ObjectPath(ns, MeshSyncObjects.DeploymentName);
        if (CustomResources.IsDeleting(meshSync))
        {
            if (CustomResources.Finalizers(meshSync).Contains(Finalizer))
            {
                await CustomResources.DeleteOwnedAsync(rest, deploymentPath, (string?)meshSync["metadata"]?["uid"], cancellationToken).ConfigureAwait(false);
                await CustomResources.SetFinalizerAsync(rest, path, meshSync, Finalizer, present: false, FieldManager, cancellationToken).ConfigureAwait(false);
                OperatorLog.CleanedUp(logger, MesheryKinds.MeshSync, ns, name);
            }

            return;
        }

        meshSync = await CustomResources.SetFinalizerAsync(rest, path, meshSync, Finalizer, present: true, FieldManager, cancellationToken).ConfigureAwait(false) ?? meshSync;
        var generation = CustomResources.Generation(meshSync);
        var now = time.GetUtcNow();
        var oldConditions = meshSync["status"]?["conditions"];
        var (endpoint, brokerUrl, native, problem, waiting) = await ResolveBrokerAsync(meshSync, cancellationToken).ConfigureAwait(false);
        if (endpoint is null || brokerUrl is null)
        {
            var status = new JsonObject
            {
                ["conditions"] = Conditions.Merge(oldConditions, generation, now,
                    (Conditions.Processing, waiting, waiting ? "WaitingForBroker" : "BrokerUnavailable", problem ?? string.Empty),
                    (Conditions.Ready, false, waiting ? "WaitingForBroker" : "BrokerUnavailable", problem ?? string.Empty),
                    (Conditions.Failed, !waiting, waiting ? "WaitingForBroker" : "BrokerUnavailable", problem ?? string.Empty)),
            };
            await CustomResources.UpdateStatusAsync(rest, path, meshSync, status, FieldManager, cancellationToken).ConfigureAwait(false);
            return;
        }

        var deployment = await rest.ApplyAsync(deploymentPath, MeshSyncObjects.Deployment(meshSync, brokerUrl, native, options), FieldManager, cancellationToken).ConfigureAwait(false);
        var size = MeshSyncObjects.Size(meshSync);
        var ready = (int?)deployment["status"]?["readyReplicas"] ?? 0;
        var isReady = ready >= size;
        var message = $"{ready}/{size} replicas are ready.";
        var next = new JsonObject
        {
            ["publishing-to"] = $"nats://{endpoint}",
            ["conditions"] = Conditions.Merge(oldConditions, generation, now,
                (Conditions.Processing, !isReady, isReady ? "Reconciled" : "WaitingForReplicas", message),
                (Conditions.Ready, isReady, isReady ? "ReplicasReady" : "WaitingForReplicas", message),
                (Conditions.Failed, false, "Reconciled", string.Empty)),
        };
        await CustomResources.UpdateStatusAsync(rest, path, meshSync, next, FieldManager, cancellationToken).ConfigureAwait(false);
        OperatorLog.Reconciled(logger, MesheryKinds.MeshSync, ns, name);
    }

    /// <summary>
    /// The broker's <c>host:port</c> and the <c>BROKER_URL</c> value, or why there is none: <c>waiting</c> when the
    /// native broker exists but is not ready, a failure when it is missing or the spec names no broker.
    /// </summary>
    private async Task<(string? Endpoint, string? BrokerUrl, bool Native, string? Problem, bool Waiting)> ResolveBrokerAsync(JsonObject meshSync, CancellationToken cancellationToken)
    {
        var broker = meshSync["spec"]?["broker"];
        if ((string?)broker?["custom"]?["url"] is { Length: > 0 } url)
        {
            var endpoint = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
            return (endpoint, url, false, null, false);
        }

        var name = (string?)broker?["native"]?["name"];
        if (string.IsNullOrEmpty(name))
        {
            return (null, null, false, "spec.broker names neither a custom URL nor a native broker.", false);
        }

        var ns = (string?)broker?["native"]?["namespace"] is { Length: > 0 } n ? n : options.Namespace;
        var native = await rest.GetAsync(CustomResources.Brokers.ObjectPath(ns, name), cancellationToken).ConfigureAwait(false);
        if (native is null)
        {
            return (null, null, true, $"Broker {ns}/{name} does not exist.", false);
        }

        var internalEndpoint = (string?)native["status"]?["endpoint"]?["internal"];
        return string.IsNullOrEmpty(internalEndpoint)
            ? (null, null, true, $"Broker {ns}/{name} is not ready.", true)
            : (internalEndpoint, $"nats://$(NATS_TOKEN)@{internalEndpoint}", true, null, false);
    }
}
