using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>What a Broker yields (the vendored NATS chart, trimmed): config, Services, StatefulSet and auth Secret.</summary>
internal static class BrokerObjects
{
    public const string ConfigMapName = "meshery-nats-config";
    public const string ServiceName = "meshery-nats";
    public const string HeadlessServiceName = "meshery-nats-headless";
    public const string StatefulSetName = Meshery.Deploy.Install.MesheryWorkloads.BrokerStatefulSet;
    public const string SecretName = "meshery-nats-auth";
    public const string TokenKey = "token";
    public const int ClientPort = 4222;
    public const int ClusterPort = 6222;
    public const int MonitorPort = 8222;

    public static JsonObject Selector() => Owned.Labels(("app", "meshery"), ("component", "broker"));

    public static int Size(JsonObject broker) => Math.Clamp((int?)broker["spec"]?["size"] ?? 1, 1, 10);

    public static string InternalEndpoint(string ns) => $"{ServiceName}.{ns}:{ClientPort}";

    public static JsonObject Secret(JsonObject broker, string tokenBase64) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = Owned.Metadata(broker, SecretName, Selector()),
        ["type"] = "Opaque",
        ["data"] = new JsonObject { [TokenKey] = tokenBase64 },
    };

    public static JsonObject ConfigMap(JsonObject broker)
    {
        var ns = (string?)broker["metadata"]?["namespace"];
        var size = Size(broker);
        var conf = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"port: {ClientPort}\n")
            .Append(CultureInfo.InvariantCulture, $"http: {MonitorPort}\n")
            .Append("server_name: $POD_NAME\n")
            .Append("authorization {\n  token: $NATS_TOKEN\n}\n");
        if (size > 1)
        {
            var routes = string.Join(", ", Enumerable.Range(0, size)
                .Select(i => $"nats://{StatefulSetName}-{i}.{HeadlessServiceName}.{ns}.svc:{ClusterPort}"));
            conf.Append(CultureInfo.InvariantCulture, $"cluster {{\n  name: meshery-nats\n  port: {ClusterPort}\n  routes: [{routes}]\n}}\n");
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = Owned.Metadata(broker, ConfigMapName, Selector()),
            ["data"] = new JsonObject { ["nats.conf"] = conf.ToString() },
        };
    }

    public static JsonObject Service(JsonObject broker)
    {
        var service = broker["spec"]?["service"] as JsonObject;
        var type = (string?)service?["type"] ?? "LoadBalancer";
        var metadata = Owned.Metadata(broker, ServiceName, Selector());
        if (service?["annotations"] is JsonObject annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        var spec = new JsonObject
        {
            ["type"] = type,
            ["selector"] = Selector(),
            ["ports"] = new JsonArray(Port("client", ClientPort), Port("monitor", MonitorPort)),
        };
        if (type == "LoadBalancer")
        {
            if ((string?)service?["loadBalancerClass"] is { Length: > 0 } lbClass)
            {
                spec["loadBalancerClass"] = lbClass;
            }

            if (service?["loadBalancerSourceRanges"] is JsonArray ranges)
            {
                spec["loadBalancerSourceRanges"] = ranges.DeepClone();
            }
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = metadata, ["spec"] = spec };
    }

    public static JsonObject HeadlessService(JsonObject broker) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Owned.Metadata(broker, HeadlessServiceName, Selector()),
        ["spec"] = new JsonObject
        {
            ["clusterIP"] = "None",
            ["publishNotReadyAddresses"] = true,
            ["selector"] = Selector(),
            ["ports"] = new JsonArray(Port("client", ClientPort), Port("cluster", ClusterPort), Port("monitor", MonitorPort)),
        },
    };

    public static JsonObject StatefulSet(JsonObject broker, OperatorOptions options)
    {
        var version = (string?)broker["spec"]?["version"] is { Length: > 0 } v ? v : options.DefaultNatsVersion;
        var container = new JsonObject
        {
            ["name"] = "nats",
            ["image"] = $"{options.NatsImage}:{version}",
            ["args"] = new JsonArray("--config", "/etc/nats-config/nats.conf"),
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.name" } } },
                TokenEnv()),
            ["ports"] = new JsonArray(
                ContainerPort("client", ClientPort), ContainerPort("cluster", ClusterPort), ContainerPort("monitor", MonitorPort)),
            ["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz?js-enabled-only=true", ["port"] = "monitor" } },
            ["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = "monitor" } },
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/nats-config" }),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "50m", ["memory"] = "64Mi" },
                ["limits"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "256Mi" },
            },
        };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "StatefulSet",
            ["metadata"] = Owned.Metadata(broker, StatefulSetName, Selector()),
            ["spec"] = new JsonObject
            {
                ["replicas"] = Size(broker),
                ["serviceName"] = HeadlessServiceName,
                ["podManagementPolicy"] = "Parallel",
                ["selector"] = new JsonObject { ["matchLabels"] = Selector() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = Selector() },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(container),
                        ["volumes"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "config",
                            ["configMap"] = new JsonObject { ["name"] = ConfigMapName },
                        }),
                    },
                },
            },
        };
    }

    /// <summary><c>NATS_TOKEN</c> from the auth Secret (the broker's and MeshSync's containers both use it).</summary>
    public static JsonObject TokenEnv() => new()
    {
        ["name"] = "NATS_TOKEN",
        ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = SecretName, ["key"] = TokenKey } },
    };

    private static JsonObject Port(string name, int port) =>
        new() { ["name"] = name, ["port"] = port, ["targetPort"] = name, ["protocol"] = "TCP" };

    private static JsonObject ContainerPort(string name, int port) =>
        new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };
}
