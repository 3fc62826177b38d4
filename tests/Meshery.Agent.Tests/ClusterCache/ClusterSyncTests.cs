using Meshery.Testing.Waiting;
using System.Text.Json;
using k8s;
using System.Text.Json.Nodes;
using k8s.Models;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Nats;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.ClusterCache;

/// <summary>
/// End to end: a fake cluster with thousands of objects, the kubeconfig uploaded to the agent, MeshSync's
/// discovery in-process publishing over a real nats-server, and the cache read back through the REST API.
/// </summary>
public sealed class ClusterSyncTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _folder = new();
    private FakeKubeApiServer _cluster = null!;
    private ModuleAgentHost _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _agent = await ModuleAgentHost.StartAsync(_folder, nats.Url, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        nats.WriteLogIfTestFailed();
        await _agent.DisposeAsync();
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Cache_equals_the_cluster_after_the_initial_sync_and_after_random_changes()
    {
        Seed(_cluster, namespaces: 10, perNamespace: 300);
        var connection = Assert.Single(await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct));
        Assert.Equal("connected", connection!["status"]!.GetValue<string>());
        Assert.Equal(_cluster.KubeSystemUid, connection["metadata"]!["kubernetesServerId"]!.GetValue<string>());

        using var client = _cluster.CreateClient();
        await ConvergesAsync(client);

        // Namespaces came through too, and the summary counts them per kind.
        var namespaces = await _agent.AllResourcesAsync(_cluster.KubeSystemUid, "Namespace", Ct);
        Assert.Contains(namespaces, n => n.GetProperty("metadata").GetProperty("name").GetString() == "kube-system");
        var summary = await _agent.Client.GetStringAsync(new Uri($"/api/system/meshsync/resources/summary?clusterId={_cluster.KubeSystemUid}", UriKind.Relative), Ct);
        Assert.Equal(3000, JsonNode.Parse(summary)!["clusters"]![0]!["kinds"]!["ConfigMap"]!.GetValue<int>());

        await RandomChangesAsync(client, new Random(5), 300, Ct);
        await ConvergesAsync(client);
        await CountsMatchRowsAsync();
    }

    [Fact]
    public async Task Filters_and_paging_answer_what_the_cluster_holds()
    {
        Seed(_cluster, namespaces: 2, perNamespace: 50);
        await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct);
        using var client = _cluster.CreateClient();
        await ConvergesAsync(client);

        var cluster = _cluster.KubeSystemUid;
        var page = await GetAsync($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&namespace=ns0&label=tier%3Dweb&label=app%3Dapp2&pagesize=4");
        Assert.Equal(10, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(4, page.GetProperty("resources").GetArrayLength());
        Assert.All(page.GetProperty("resources").EnumerateArray(), r =>
        {
            Assert.Equal("ConfigMap", r.GetProperty("kind").GetString());
            Assert.Equal(cluster, r.GetProperty("cluster_id").GetString());
            Assert.Contains(r.GetProperty("metadata").GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() == "app" && l.GetProperty("value").GetString() == "app2");
        });

        var byName = await GetAsync($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&namespace=ns0&name=cm-7");
        Assert.Equal("cm-7", Assert.Single(byName.GetProperty("resources").EnumerateArray()).GetProperty("metadata").GetProperty("name").GetString());

        var second = await GetAsync($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&pagesize=30&page=3");
        Assert.Equal(100, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(10, second.GetProperty("resources").GetArrayLength());

        using var bad = await _agent.Client.GetAsync(new Uri("/api/system/meshsync/resources?label=novalue", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        using var tooBig = await _agent.Client.GetAsync(new Uri("/api/system/meshsync/resources?pagesize=100000", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task The_change_stream_sends_each_committed_change()
    {
        Seed(_cluster, namespaces: 1, perNamespace: 5);
        await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct);
        using var client = _cluster.CreateClient();
        await ConvergesAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/system/meshsync/events?clusterId={_cluster.KubeSystemUid}&kind=ConfigMap");
        using var response = await _agent.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("event: subscribed", await reader.ReadLineAsync(Ct));

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "streamed", NamespaceProperty = "ns0" } }, "ns0", cancellationToken: Ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("cm-1", "ns0", cancellationToken: Ct);

        var seen = new List<(string Event, JsonElement Data)>();
        string? eventName = null;
        while (seen.Count < 2)
        {
            var line = await reader.ReadLineAsync(Ct);
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName is not null)
            {
                seen.Add((eventName!, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
            }
        }

        Assert.Contains(seen, s => s.Event == "ADDED" && s.Data.GetProperty("name").GetString() == "streamed" && s.Data.GetProperty("resource").GetProperty("kind").GetString() == "ConfigMap");
        Assert.Contains(seen, s => s.Event == "DELETED" && s.Data.GetProperty("name").GetString() == "cm-1");
    }

    [Fact]
    public async Task Resync_asks_meshsync_to_rediscover()
    {
        await using var sub = await new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = nats.Url })
            .SubscribeCoreAsync<string>("meshery.meshsync.request", cancellationToken: Ct);
        using var response = await _agent.Client.PostAsync(new Uri("/api/system/meshsync/resync", UriKind.Relative), null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        while (true)
        {
            var msg = await sub.Msgs.ReadAsync(Ct);
            if (msg.Data!.Contains("\"Entity\":\"resync-discovery\"", StringComparison.Ordinal))
            {
                break;
            }
        }
    }

    internal static void Seed(FakeKubeApiServer cluster, int namespaces, int perNamespace)
    {
        for (var n = 0; n < namespaces; n++)
        {
            cluster.Put(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = $"ns{n}" } });
        }

        cluster.PutMany(Enumerable.Range(0, namespaces * perNamespace)
            .Select(i => ClusterTruth.ConfigMap($"ns{i % namespaces}", $"cm-{i / namespaces}", i)));
    }

    internal static async Task RandomChangesAsync(k8s.Kubernetes client, Random random, int count, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var names = (await ClusterTruth.ConfigMapsAsync(client, ct)).Keys.ToList();
        for (var i = 0; i < count; i++)
        {
            var ns = $"ns{random.Next(2)}";
            switch (random.Next(3))
            {
                case 0:
                    await client.CoreV1.CreateNamespacedConfigMapAsync(
                        new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"new-{i}-{random.Next(1_000_000)}", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = "new" } } },
                        ns, cancellationToken: ct);
                    break;
                case 1 when names.Count > 0:
                    var target = names[random.Next(names.Count)].Split('/');
                    try
                    {
                        var existing = await client.CoreV1.ReadNamespacedConfigMapAsync(target[1], target[0], cancellationToken: ct);
                        existing.Data ??= new Dictionary<string, string>();
                        existing.Data["changed"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await client.CoreV1.ReplaceNamespacedConfigMapAsync(existing, target[1], target[0], cancellationToken: ct);
                    }
                    catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode is System.Net.HttpStatusCode.NotFound)
                    {
                        // Deleted earlier in this run.
                    }

                    break;
                case 2 when names.Count > 0:
                    var index = random.Next(names.Count);
                    var victim = names[index].Split('/');
                    names.RemoveAt(index);
                    try
                    {
                        await client.CoreV1.DeleteNamespacedConfigMapAsync(victim[1], victim[0], cancellationToken: ct);
                    }
                    catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode is System.Net.HttpStatusCode.NotFound)
                    {
                        // Deleted earlier in this run.
                    }

                    break;
            }
        }
    }

    private async Task ConvergesAsync(k8s.Kubernetes client)
    {
        var expected = await ClusterTruth.ConfigMapsAsync(client, Ct);
        await Eventually.HoldsAsync(
            async () => ClusterTruth.Of(await _agent.AllResourcesAsync(_cluster.KubeSystemUid, "ConfigMap", Ct)),
            actual => ClusterTruth.Same(expected, actual),
            Deadline,
            actual => ClusterTruth.Diff(expected, actual),
            Ct);
    }

    /// <summary>The totals kept beside the table (list totals, summary, per namespace) agree with the rows listed.</summary>
    private async Task CountsMatchRowsAsync()
    {
        var cluster = _cluster.KubeSystemUid;
        var rows = await _agent.AllResourcesAsync(cluster, "ConfigMap", Ct);
        var perNamespace = rows.GroupBy(r => r.GetProperty("metadata").GetProperty("namespace").GetString() ?? "").ToDictionary(g => g.Key, g => g.Count());
        await Eventually.HoldsAsync(
            async () =>
            {
                var total = (await GetAsync($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&pagesize=1")).GetProperty("totalCount").GetInt32();
                var summary = (await GetAsync($"/api/system/meshsync/resources/summary?clusterId={cluster}")).GetProperty("clusters")[0].GetProperty("kinds").GetProperty("ConfigMap").GetInt32();
                var namespaces = new Dictionary<string, int>();
                foreach (var ns in perNamespace.Keys)
                {
                    namespaces[ns] = (await GetAsync($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&namespace={ns}&pagesize=1")).GetProperty("totalCount").GetInt32();
                }

                return (total, summary, namespaces);
            },
            c => c.total == rows.Count && c.summary == rows.Count && c.namespaces.All(n => perNamespace[n.Key] == n.Value),
            Deadline,
            c => $"rows {rows.Count}, list total {c.total}, summary {c.summary}, per namespace {string.Join(", ", c.namespaces.Select(n => $"{n.Key}={n.Value}/{perNamespace[n.Key]}"))}",
            Ct);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var doc = JsonDocument.Parse(await _agent.Client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));
        return doc.RootElement.Clone();
    }
}
