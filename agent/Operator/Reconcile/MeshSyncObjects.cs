using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>What a MeshSync yields: the <c>meshery-meshsync</c> Deployment.</summary>
internal static class MeshSyncObjects
{
    public const string DeploymentName = Meshery.Deploy.Install.MesheryWorkloads.MeshSyncDeployment;
    public const string WatchListHashAnnotation = "meshery.io/watch-list-hash";
    public const int ClientPort = 11000;

    public static JsonObject Labels() => Owned.Labels(("app", "meshery"), ("component", "meshsync"));

    public static int Size(JsonObject meshSync) => Math.Clamp((int?)meshSync["spec"]?["size"] ?? 1, 1, 10);

    /// <summary>A short hash of the watch-list, put on the pod template so a change rolls the pods.</summary>
    public static string WatchListHash(JsonObject meshSync)
    {
        var text = meshSync["spec"]?["watch-list"]?.ToJsonString() ?? string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <param name="brokerUrl">The <c>BROKER_URL</c> value: <c>nats://$(NATS_TOKEN)@host:port</c> for a native broker, the custom URL otherwise.</param>
    public static JsonObject Deployment(JsonObject meshSync, string brokerUrl, bool withToken, OperatorOptions options)
    {
        var version = (string?)meshSync["spec"]?["version"] is { Length: > 0 } v ? v : options.DefaultMeshSyncVersion;
        var env = new JsonArray();
        if (withToken)
        {
            env.Add(BrokerObjects.TokenEnv());
        }

        env.Add(new JsonObject { ["name"] = "BROKER_URL", ["value"] = brokerUrl });
        var container = new JsonObject
        {
            ["name"] = "meshsync",
            ["image"] = $"{options.MeshSyncImage}:{version}",
            ["imagePullPolicy"] = "IfNotPresent",
            ["env"] = env,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "client", ["containerPort"] = ClientPort, ["protocol"] = "TCP" }),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "50m", ["memory"] = "64Mi" },
                ["limits"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "512Mi" },
            },
        };
        if (HasProbes(version))
        {
            container["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = "client" } };
            container["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/readyz", ["port"] = "client" } };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = Owned.Metadata(meshSync, DeploymentName, Labels()),
            ["spec"] = new JsonObject
            {
                ["replicas"] = Size(meshSync),
                ["selector"] = new JsonObject { ["matchLabels"] = Labels() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["labels"] = Labels(),
                        ["annotations"] = new JsonObject { [WatchListHashAnnotation] = WatchListHash(meshSync) },
                    },
                    ["spec"] = new JsonObject
                    {
                        ["serviceAccountName"] = "meshery-operator",
                        ["containers"] = new JsonArray(container),
                    },
                },
            },
        };
    }

    /// <summary>Upstream's probes exist from MeshSync 1.0.1 on; tags that are not versions get them.</summary>
    private static bool HasProbes(string version) =>
        !Version.TryParse(version.TrimStart('v').Split('-')[0], out var parsed) || parsed >= new Version(1, 0, 1);
}
