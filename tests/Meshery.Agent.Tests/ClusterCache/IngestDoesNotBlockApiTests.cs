using Meshery.Testing.Waiting;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Meshery.Agent.Tests.Support;
using Meshery.Testing.Kubernetes;
using Meshery.Testing.Nats;
using Meshery.Testing.Storage;

namespace Meshery.Agent.Tests.ClusterCache;

/// <summary>During a full-rate initial sync, 50 concurrent API clients reading the cache and writing preferences get no error (no "database is locked", no 5xx).</summary>
public sealed class IngestDoesNotBlockApiTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const int Objects = 20_000;
    private const int Clients = 50;
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
    public async Task Fifty_clients_get_no_error_during_a_full_rate_initial_sync()
    {
        ClusterSyncTests.Seed(_cluster, namespaces: 20, perNamespace: Objects / 20);
        var cluster = _cluster.KubeSystemUid;
        var errors = new ConcurrentQueue<string>();
        var requests = 0L;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        async Task ClientAsync(int n)
        {
            var random = new Random(n);
            while (!done.IsCancellationRequested)
            {
                HttpResponseMessage? response = null;
                try
                {
                    response = (n % 5) switch
                    {
                        0 => await _agent.Client.PostAsJsonAsync(new Uri("/api/user/prefs", UriKind.Relative), new { anonymousUsageStats = random.Next(2) == 0 }, done.Token),
                        1 => await _agent.Client.GetAsync(new Uri($"/api/system/meshsync/resources/summary?clusterId={cluster}", UriKind.Relative), done.Token),
                        2 => await _agent.Client.GetAsync(new Uri($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&namespace=ns{random.Next(20)}&label=app%3Dapp{random.Next(10)}", UriKind.Relative), done.Token),
                        3 => await _agent.Client.GetAsync(new Uri("/api/user/prefs", UriKind.Relative), done.Token),
                        _ => await _agent.Client.GetAsync(new Uri($"/api/system/meshsync/resources?pagesize=100&page={random.Next(50)}", UriKind.Relative), done.Token),
                    };
                    Interlocked.Increment(ref requests);
                    // Blind preference writes merge onto whatever won before them: every request must succeed.
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Enqueue($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(done.Token)}");
                    }
                }
                catch (OperationCanceledException) when (done.IsCancellationRequested)
                {
                    return;
                }
                finally
                {
                    response?.Dispose();
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(ClientAsync).ToArray();
        await _agent.UploadKubeconfigOkAsync(_cluster.KubeConfigYaml, Ct);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var doc = JsonDocument.Parse(await _agent.Client.GetStringAsync(new Uri($"/api/system/meshsync/resources?clusterId={cluster}&kind=ConfigMap&pagesize=1", UriKind.Relative), Ct));
                return doc.RootElement.GetProperty("totalCount").GetInt32();
            },
            count => count >= Objects || !errors.IsEmpty,
            TimeSpan.FromSeconds(120),
            count => $"{count} of {Objects} cached",
            Ct);
        await done.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(errors);
        Assert.True(Interlocked.Read(ref requests) > Clients, $"only {requests} requests were made");
    }
}
