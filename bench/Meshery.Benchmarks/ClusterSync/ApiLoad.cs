using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Meshery.Benchmarks.ClusterSync;

/// <summary>N concurrent API clients reading the cache (lists with filters, summary) and writing preferences; records latencies.</summary>
public sealed class ApiLoad(Uri baseAddress, string clusterId, int clients)
{
    private static readonly string[] Names = ["POST prefs", "summary", "list kind+ns+label", "GET prefs", "list page"];
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentQueue<double>[] _byRequest = [.. Names.Select(_ => new ConcurrentQueue<double>())];
    private long _errors;

    public long Errors => Interlocked.Read(ref _errors);

    public int Count => _latencies.Count;

    public async Task RunAsync(CancellationToken stop)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = baseAddress };
        await Task.WhenAll(Enumerable.Range(0, clients).Select(n => ClientAsync(http, n, stop)));
    }

    public (double P50, double P99) Percentiles()
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? (double.NaN, double.NaN) : (At(sorted, 0.50), At(sorted, 0.99));
    }

    /// <summary>p50 / p99 per request type, to see which one makes the tail.</summary>
    public string Breakdown() => string.Join("; ", Names.Select((name, i) =>
    {
        var sorted = _byRequest[i].Order().ToArray();
        return sorted.Length == 0 ? $"{name}: -" : string.Create(CultureInfo.InvariantCulture, $"{name}: {At(sorted, 0.50):0.0} / {At(sorted, 0.99):0.0} ms (n={sorted.Length})");
    }));

    internal static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private async Task ClientAsync(HttpClient http, int n, CancellationToken stop)
    {
        var random = new Random(n);
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = (n % 5) switch
                {
                    0 => await http.PostAsJsonAsync("/api/user/prefs", new Dictionary<string, bool> { ["anonymousUsageStats"] = random.Next(2) == 0 }, stop),
                    1 => await http.GetAsync($"/api/system/meshsync/resources/summary?clusterId={clusterId}", stop),
                    2 => await http.GetAsync($"/api/system/meshsync/resources?clusterId={clusterId}&kind=ConfigMap&namespace=ns{random.Next(50)}&label=app%3Dapp{random.Next(10)}", stop),
                    3 => await http.GetAsync("/api/user/prefs", stop),
                    _ => await http.GetAsync($"/api/system/meshsync/resources?clusterId={clusterId}&pagesize=100&page={random.Next(20)}", stop),
                };
                await response.Content.LoadIntoBufferAsync(stop);
                _latencies.Enqueue(clock.Elapsed.TotalMilliseconds);
                _byRequest[n % 5].Enqueue(clock.Elapsed.TotalMilliseconds);
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
