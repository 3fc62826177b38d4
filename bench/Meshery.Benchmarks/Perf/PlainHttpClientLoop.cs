using System.Diagnostics;

namespace Meshery.Benchmarks.Perf;

/// <summary>
/// The baseline: the least client that does the same work as the generator's closed loop. One <see cref="HttpClient"/>
/// (its own connection) per worker, GET, read the whole answer, again until the time is up; nothing recorded.
/// </summary>
public static class PlainHttpClientLoop
{
    public static async Task<long> RunAsync(Uri url, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, connections)
            .Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false, UseCookies = false }))
            .ToArray();
        try
        {
            var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var counts = await Task.WhenAll(clients.Select(client => Task.Run(async () =>
            {
                long count = 0;
                while (Stopwatch.GetTimestamp() < end)
                {
                    using var response = await client.GetAsync(url, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    count++;
                }

                return count;
            }, cancellationToken)));
            return counts.Sum();
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
