using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Meshery.Agent.ClusterCache;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Nats;
using Meshery.Testing.Storage;

namespace Meshery.Benchmarks.ClusterSync;

/// <summary>
/// <c>dotnet run -c Release --project bench/Meshery.Benchmarks -- cluster-sync [--sizes 10000,100000] [--clients 50] [--agent folder]</c>:
/// fake cluster -> MeshSync (in the agent) -> nats-server -> the agent's SQLite cache, every figure beside its
/// baseline measured in the same run (a raw batched insert of the same rows; the API idle).
/// </summary>
public static class ClusterSyncLoadRun
{
    private const int Namespaces = 50;
    private const int LatencySamples = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var clients = int.Parse(Option(args, "--clients", "50"), CultureInfo.InvariantCulture);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cts.Token;
        var agentFolder = Option(args, "--agent", "") is { Length: > 0 } given ? Path.GetFullPath(given) : await AgentBuild.PublishAsync(ct);
        var nats = new NatsServerFixture();
        await nats.StartAsync(ct);
        try
        {
            await WarmUpHarnessAsync(agentFolder, nats.Url, ct);
            var results = new List<string>();
            foreach (var size in sizes)
            {
                results.Add(await RunOneAsync(agentFolder, size, clients, nats.Url, ct));
            }

            Console.WriteLine();
            Console.WriteLine("| objects | raw insert obj/s | sync obj/s | sync/raw | watch->visible p50 / p99 ms | API p99 idle ms | API p99 during sync ms | during/idle | API requests (5xx) | agent peak RSS MiB |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var line in results)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine();
            Console.WriteLine("Targets: sync/raw >= 0.50; watch->visible p99 <= 50 ms; API p99 during sync <= 100 ms; peak RSS (100,000 objects) <= 300 MiB.");
            return 0;
        }
        finally
        {
            await nats.DisposeAsync();
        }
    }

    /// <summary>
    /// One small sync with a throwaway agent before anything is measured. The fake API server and the HTTP clients
    /// run in this process: without it the first measured sync also timed their first use (code run for the first
    /// time here, not in the agent), about half a second that later sizes did not pay. Every measured agent is still
    /// a fresh process, so the agent's own first-run costs stay in the figures.
    /// </summary>
    private static async Task WarmUpHarnessAsync(string agentFolder, string natsUrl, CancellationToken ct)
    {
        const int size = 500;
        using var folder = new TempDirectory("meshery-bench-");
        await using var cluster = await FakeKubeApiServer.StartAsync(cancellationToken: ct);
        Seed(cluster, size);
        await using var agent = await AgentProcess.StartAsync(agentFolder, folder.Path, natsUrl, ct);
        using var http = new HttpClient { BaseAddress = agent.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"[warm-up] {size} objects with a throwaway agent (not measured)");
        await SyncAsync(http, agent, cluster, size, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(1));
        await new ApiLoad(agent.BaseAddress, cluster.KubeSystemUid, 5).RunAsync(stop.Token);
    }

    private static async Task<string> RunOneAsync(string agentFolder, int size, int clients, string natsUrl, CancellationToken ct)
    {
        using var folder = new TempDirectory("meshery-bench-");
        await using var cluster = await FakeKubeApiServer.StartAsync(cancellationToken: ct);
        Seed(cluster, size);
        var clusterId = cluster.KubeSystemUid;

        Console.WriteLine($"[{size}] baseline: raw batched insert of the same rows");
        var rows = Rows(cluster, size, clusterId);
        var raw = RawInsertBaseline.ObjectsPerSecond(folder.Combine("raw.db"), rows);
        rows = null;
        GC.Collect();

        // Phase 1: the initial sync alone, then watch-to-visible latency; the agent's peak RSS over both.
        double sync, latP50, latP99, rss;
        await using (var agent = await AgentProcess.StartAsync(agentFolder, Directory.CreateDirectory(folder.Combine("a")).FullName, natsUrl, ct))
        {
            using var http = new HttpClient { BaseAddress = agent.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            Console.WriteLine($"[{size}] initial sync");
            sync = size / await SyncAsync(http, agent, cluster, size, ct);
            Console.WriteLine($"[{size}] watch event -> cache visible");
            (latP50, latP99) = await WatchToVisibleAsync(cluster, http, clusterId, ct);
            rss = agent.PeakRssMiB();
        }

        // Phase 2: a fresh agent syncs again while the API clients run; then the same clients against the idle agent.
        var load = new ApiLoad(new Uri("http://unused/"), clusterId, clients);
        var idle = load;
        if (clients > 0)
        {
            await using var agent = await AgentProcess.StartAsync(agentFolder, Directory.CreateDirectory(folder.Combine("b")).FullName, natsUrl, ct);
            using var http = new HttpClient { BaseAddress = agent.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            Console.WriteLine($"[{size}] initial sync with {clients} API clients");
            load = new ApiLoad(agent.BaseAddress, clusterId, clients);
            using (var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var loadTask = load.RunAsync(stopLoad.Token);
                await SyncAsync(http, agent, cluster, size, ct);
                await stopLoad.CancelAsync();
                await loadTask;
            }

            Console.WriteLine($"[{size}] API idle baseline");
            idle = new ApiLoad(agent.BaseAddress, clusterId, clients);
            using var stopIdle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stopIdle.CancelAfter(TimeSpan.FromSeconds(5));
            await idle.RunAsync(stopIdle.Token);
        }

        if (clients > 0)
        {
            Console.WriteLine($"[{size}] API during sync p50 / p99: {load.Breakdown()}");
            Console.WriteLine($"[{size}] API idle p50 / p99: {idle.Breakdown()}");
        }

        var (_, duringP99) = load.Percentiles();
        var (_, idleP99) = idle.Percentiles();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {raw:N0} | {sync:N0} | {sync / raw:0.00} | {latP50:0.0} / {latP99:0.0} | {idleP99:0.0} | {duringP99:0.0} | {duringP99 / idleP99:0.00} | {load.Count:N0} ({load.Errors}) | {rss:0} |");
    }

    /// <summary>
    /// Uploads the kubeconfig and waits until the cache holds every ConfigMap; returns the seconds taken. Also prints
    /// when the upload answered (connection probed, discovery started) and when the first object was visible, so the
    /// fixed start-up part of a small sync can be told from its steady rate, and the agent's CPU seconds for the
    /// upload and for the whole sync (its own work, less moved by other jobs on the machine than wall time).
    /// </summary>
    private static async Task<double> SyncAsync(HttpClient http, AgentProcess agent, FakeKubeApiServer cluster, int size, CancellationToken ct)
    {
        var cpuBefore = agent.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await UploadAsync(http, cluster.KubeConfigYaml, ct);
        var connected = clock.Elapsed.TotalSeconds;
        var cpuUpload = agent.CpuSeconds() - cpuBefore;
        var first = double.NaN;
        int count;
        while ((count = await CountAsync(http, cluster.KubeSystemUid, ct)) < size)
        {
            if (count > 0 && double.IsNaN(first))
            {
                first = clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(20, ct);
        }

        var all = clock.Elapsed.TotalSeconds;
        var cpuAll = agent.CpuSeconds() - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{size}] upload answered {connected:0.00} s, first object {first:0.00} s, all {all:0.00} s; rate after the first object {(size - 1) / (all - first):N0} obj/s; agent CPU {cpuUpload:0.00} s for the upload, {cpuAll:0.00} s in all"));
        return all;
    }

    private static void Seed(FakeKubeApiServer cluster, int size)
    {
        for (var n = 0; n < Namespaces; n++)
        {
            cluster.Put(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = $"ns{n}" } });
        }

        cluster.PutMany(Enumerable.Range(0, size).Select(i => new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"cm-{i}",
                ["namespace"] = $"ns{i % Namespaces}",
                ["labels"] = new JsonObject { ["app"] = $"app{i % 10}", ["tier"] = i % 2 == 0 ? "web" : "db" },
            },
            ["data"] = new JsonObject { ["config"] = new string('x', 300), ["index"] = i.ToString(CultureInfo.InvariantCulture) },
        }));
    }

    /// <summary>The rows MeshSync's messages become, built with MeshSync's own mapper from what the cluster stores.</summary>
    private static List<ResourceRow> Rows(FakeKubeApiServer cluster, int size, string clusterId)
    {
        var rows = new List<ResourceRow>(size);
        for (var i = 0; i < size; i++)
        {
            var stored = cluster.Find("configmaps", $"ns{i % Namespaces}", $"cm-{i}")!;
            var resource = KubernetesResourceMapper.FromObject(stored, clusterId);
            rows.Add(MeshSyncMessageDecoder.ToRow(JsonSerializer.SerializeToUtf8Bytes(resource, MeshSyncJsonContext.Default.KubernetesResource)));
        }

        return rows;
    }

    private static async Task UploadAsync(HttpClient http, string kubeconfig, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(kubeconfig));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "k8sfile", "config");
        using var response = await http.PostAsync(new Uri("/api/system/kubernetes", UriKind.Relative), form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || !body.Contains("\"connected\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"upload failed: {(int)response.StatusCode} {body}");
        }
    }

    private static async Task<int> CountAsync(HttpClient http, string clusterId, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/system/meshsync/resources?clusterId={clusterId}&kind=ConfigMap&pagesize=1", UriKind.Relative), ct));
        return doc.RootElement.GetProperty("totalCount").GetInt32();
    }

    private static async Task<(double P50, double P99)> WatchToVisibleAsync(FakeKubeApiServer cluster, HttpClient http, string clusterId, CancellationToken ct)
    {
        using var client = cluster.CreateClient();
        using var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/api/system/meshsync/events?clusterId={clusterId}&kind=ConfigMap&namespace=latency"),
            HttpCompletionOption.ResponseHeadersRead,
            ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        await reader.ReadLineAsync(ct);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "latency" } }, cancellationToken: ct);
        var samples = new double[LatencySamples];
        for (var i = 0; i < LatencySamples; i++)
        {
            var name = $"lat-{i}";
            var clock = Stopwatch.StartNew();
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "latency" } }, "latency", cancellationToken: ct);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains($"\"name\":\"{name}\"", StringComparison.Ordinal))
                {
                    break;
                }
            }

            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (ApiLoad.At(samples, 0.50), ApiLoad.At(samples, 0.99));
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
