using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Tests.Support;

/// <summary>A fake cluster, a ClusterDiscovery publishing to a real nats-server, and a collector listening to it.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(FakeKubeApiServer server, k8s.Kubernetes client, NatsConnection nats, ClusterDiscovery discovery, Collector collector)
    {
        Server = server;
        Client = client;
        Nats = nats;
        Discovery = discovery;
        Collector = collector;
    }

    public FakeKubeApiServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public NatsConnection Nats { get; }

    public ClusterDiscovery Discovery { get; }

    public Collector Collector { get; }

    public string ClusterId => Discovery.ClusterId;

    public static MeshSyncOptions Options(string brokerUrl) => new()
    {
        BrokerUrl = brokerUrl,
        HealthPort = 0,
        BackoffInitial = TimeSpan.FromMilliseconds(50),
        BackoffMax = TimeSpan.FromMilliseconds(500),
        ForbiddenRetryInterval = TimeSpan.FromMilliseconds(500),
        ConfigRetryInterval = TimeSpan.FromMilliseconds(300),
        ListPageSize = 500,
    };

    public static async Task<Harness> StartAsync(
        string brokerUrl,
        CancellationToken cancellationToken,
        Action<FakeKubeApiServer>? seed = null,
        Func<MeshSyncOptions, MeshSyncOptions>? configure = null,
        FakeKubeApiServerOptions? kubeOptions = null,
        bool startDiscovery = true,
        bool rerequestOnReconnect = false)
    {
        var server = await FakeKubeApiServer.StartAsync(kubeOptions ?? new FakeKubeApiServerOptions(), cancellationToken);
        seed?.Invoke(server);
        var client = server.CreateClient();
        var options = (configure ?? (o => o))(Options(brokerUrl));
        var nats = Meshery.Agent.MeshSync.MeshSyncWorker.CreateConnection(options);
        var clusterId = await ClusterDiscovery.ReadClusterIdAsync(client, cancellationToken);
        Microsoft.Extensions.Logging.ILogger logger = Environment.GetEnvironmentVariable("MESHSYNC_TEST_LOG") == "1"
            ? Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole()).CreateLogger("meshsync")
            : NullLogger.Instance;
        var discovery = ClusterDiscovery.Create(client, clusterId, options, nats, logger, TimeProvider.System);
        var collector = await Collector.StartAsync(brokerUrl, clusterId, cancellationToken, rerequestOnReconnect);
        var harness = new Harness(server, client, nats, discovery, collector);
        if (startDiscovery)
        {
            await discovery.StartAsync(cancellationToken);
        }

        return harness;
    }

    public Task WaitInitialListAsync(CancellationToken cancellationToken) =>
        Discovery.InitialListCompleted.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

    /// <summary>What the cluster holds now for the kinds being discovered: id -> resourceVersion (read over HTTP, as MeshSync does).</summary>
    public async Task<Dictionary<string, string>> ClusterStateAsync(CancellationToken cancellationToken, Func<ResourceKey, bool>? include = null)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Options.BearerToken);
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Discovery.WatchedKinds.Select(ResourceKey.Parse).Where(k => include?.Invoke(k) ?? true))
        {
            using var response = await http.GetAsync(key.CollectionPath.TrimStart('/'), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var kind = list.RootElement.GetProperty("kind").GetString()!;
            kind = kind.EndsWith("List", StringComparison.Ordinal) ? kind[..^4] : kind;
            foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
            {
                var meta = item.GetProperty("metadata");
                var ns = meta.TryGetProperty("namespace", out var n) ? n.GetString() : null;
                var id = KubernetesResourceMapper.ComputeId(ClusterId, kind, key.ApiVersion, ns, meta.GetProperty("name").GetString()!);
                state[id] = meta.GetProperty("resourceVersion").GetString()!;
            }
        }

        return state;
    }

    /// <summary>Waits until the collector holds exactly what the cluster holds.</summary>
    public async Task ConvergeAsync(CancellationToken cancellationToken, TimeSpan? timeout = null, Func<ResourceKey, bool>? include = null)
    {
        Dictionary<string, string> expected = [];
        await Deadline.UntilAsync(
            async () =>
            {
                expected = await ClusterStateAsync(cancellationToken, include);
                var actual = Collector.Snapshot();
                return actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var rv) && rv == e.Value);
            },
            timeout ?? TimeSpan.FromSeconds(60),
            cancellationToken,
            () => Describe(expected, Collector.Snapshot()));
    }

    public static string Describe(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        var missing = expected.Where(e => !actual.ContainsKey(e.Key)).Take(5).Select(e => Decode(e.Key));
        var extra = actual.Where(a => !expected.ContainsKey(a.Key)).Take(5).Select(a => Decode(a.Key));
        var stale = expected.Where(e => actual.TryGetValue(e.Key, out var rv) && rv != e.Value).Take(5).Select(e => $"{Decode(e.Key)} {actual[e.Key]}!={e.Value}");
        return $"expected {expected.Count}, collected {actual.Count}; missing [{string.Join(", ", missing)}] extra [{string.Join(", ", extra)}] stale [{string.Join(", ", stale)}]";
    }

    public static string Decode(string id) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id));

    public async ValueTask DisposeAsync()
    {
        await Discovery.DisposeAsync();
        await Collector.DisposeAsync();
        await Nats.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public static JsonObject ConfigMap(string ns, string name, string value = "v") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = "demo" } },
        ["data"] = new JsonObject { ["key"] = value },
    };

    public static JsonObject Pod(string ns, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject Deployment(string ns, string name, int replicas = 1) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } } },
    };

    public static JsonObject Secret(string ns, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["type"] = "Opaque",
        ["data"] = new JsonObject { ["password"] = "c3VwZXItc2VjcmV0" },
    };

    /// <summary>A seeded cluster: <paramref name="namespaces"/> namespaces each with config maps, pods, deployments and a secret.</summary>
    public static IEnumerable<JsonObject> Objects(int namespaces, int perNamespace)
    {
        for (var n = 0; n < namespaces; n++)
        {
            var ns = $"ns{n}";
            yield return Namespace(ns);
            for (var i = 0; i < perNamespace; i++)
            {
                yield return (i % 3) switch
                {
                    0 => ConfigMap(ns, $"cm{i}"),
                    1 => Pod(ns, $"pod{i}"),
                    _ => Deployment(ns, $"dep{i}"),
                };
            }

            yield return Secret(ns, "db");
        }
    }
}
