using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>Brings a Broker's NATS objects in line with its spec and reports readiness and endpoints.</summary>
internal sealed class BrokerReconciler(KubeRest rest, OperatorOptions options, TimeProvider time, ILogger logger)
{
    public const string Finalizer = "broker.meshery.io/finalizer";
    private const string FieldManager = "meshery-operator";

    private static readonly ResourceKind Secrets = ResourceKind.Of("v1", "Secret");
    private static readonly ResourceKind ConfigMaps = ResourceKind.Of("v1", "ConfigMap");
    private static readonly ResourceKind Services = ResourceKind.Of("v1", "Service");
    private static readonly ResourceKind StatefulSets = ResourceKind.Of("apps/v1", "StatefulSet");

    public async Task ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        var ns = options.Namespace;
        var path = CustomResources.Brokers.ObjectPath(ns, name);
        var broker = await rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (broker is null)
        {
            return;
        }

        if (CustomResources.IsDeleting(broker))
        {
            await CleanUpAsync(path, broker, cancellationToken).ConfigureAwait(false);
            return;
        }

        broker = await CustomResources.SetFinalizerAsync(rest, path, broker, Finalizer, present: true, FieldManager, cancellationToken).ConfigureAwait(false) ?? broker;
        await BrokerAuthSecret.EnsureAsync(rest, broker, FieldManager, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(ConfigMaps.ObjectPath(ns, BrokerObjects.ConfigMapName), BrokerObjects.ConfigMap(broker), cancellationToken).ConfigureAwait(false);
        var service = await ApplyAsync(Services.ObjectPath(ns, BrokerObjects.ServiceName), BrokerObjects.Service(broker), cancellationToken).ConfigureAwait(false);
        await ApplyAsync(Services.ObjectPath(ns, BrokerObjects.HeadlessServiceName), BrokerObjects.HeadlessService(broker), cancellationToken).ConfigureAwait(false);
        var statefulSet = await ApplyAsync(StatefulSets.ObjectPath(ns, BrokerObjects.StatefulSetName), BrokerObjects.StatefulSet(broker, options), cancellationToken).ConfigureAwait(false);

        var size = BrokerObjects.Size(broker);
        var ready = (int?)statefulSet["status"]?["readyReplicas"] ?? 0;
        var generation = CustomResources.Generation(broker);
        var now = time.GetUtcNow();
        var status = new JsonObject();
        if (ready >= size)
        {
            var internalEndpoint = BrokerObjects.InternalEndpoint(ns);
            status["endpoint"] = new JsonObject { ["internal"] = internalEndpoint, ["external"] = ExternalEndpoint(broker, service) ?? internalEndpoint };
            status["conditions"] = Conditions.Merge(broker["status"]?["conditions"], generation, now,
                (Conditions.Processing, false, "Reconciled", "The broker is deployed."),
                (Conditions.Ready, true, "ReplicasReady", $"{ready}/{size} replicas are ready."));
        }
        else
        {
            status["conditions"] = Conditions.Merge(broker["status"]?["conditions"], generation, now,
                (Conditions.Processing, true, "WaitingForReplicas", $"{ready}/{size} replicas are ready."),
                (Conditions.Ready, false, "WaitingForReplicas", $"{ready}/{size} replicas are ready."));
        }

        await CustomResources.UpdateStatusAsync(rest, path, broker, status, FieldManager, cancellationToken).ConfigureAwait(false);
        OperatorLog.Reconciled(logger, MesheryKinds.Broker, ns, name);
    }

    private async Task CleanUpAsync(string path, JsonObject broker, CancellationToken cancellationToken)
    {
        if (!CustomResources.Finalizers(broker).Contains(Finalizer))
        {
            return;
        }

        var ns = options.Namespace;
        var uid = (string?)broker["metadata"]?["uid"];
        await CustomResources.DeleteOwnedAsync(rest, StatefulSets.ObjectPath(ns, BrokerObjects.StatefulSetName), uid, cancellationToken).ConfigureAwait(false);
        await CustomResources.DeleteOwnedAsync(rest, Services.ObjectPath(ns, BrokerObjects.HeadlessServiceName), uid, cancellationToken).ConfigureAwait(false);
        await CustomResources.DeleteOwnedAsync(rest, Services.ObjectPath(ns, BrokerObjects.ServiceName), uid, cancellationToken).ConfigureAwait(false);
        await CustomResources.DeleteOwnedAsync(rest, ConfigMaps.ObjectPath(ns, BrokerObjects.ConfigMapName), uid, cancellationToken).ConfigureAwait(false);
        await CustomResources.DeleteOwnedAsync(rest, Secrets.ObjectPath(ns, BrokerObjects.SecretName), uid, cancellationToken).ConfigureAwait(false);
        await CustomResources.SetFinalizerAsync(rest, path, broker, Finalizer, present: false, FieldManager, cancellationToken).ConfigureAwait(false);
        OperatorLog.CleanedUp(logger, MesheryKinds.Broker, ns, (string?)broker["metadata"]?["name"] ?? string.Empty);
    }

    private Task<JsonObject> ApplyAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        rest.ApplyAsync(path, body, FieldManager, cancellationToken);

    /// <summary><c>externalEndpointOverride</c>, else the load balancer's address, else null.</summary>
    private static string? ExternalEndpoint(JsonObject broker, JsonObject service)
    {
        if ((string?)broker["spec"]?["service"]?["externalEndpointOverride"] is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var ingress = (service["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var host = (string?)ingress?["ip"] ?? (string?)ingress?["hostname"];
        return host is null ? null : $"{host}:{BrokerObjects.ClientPort}";
    }
}
