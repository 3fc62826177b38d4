using System.Diagnostics;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each send one request, wait for its answer and send
/// the next, until the duration is up. Requests in flight at the end finish and count; a failed
/// request counts as an error, not as a latency.
/// </summary>
public static class ClosedLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> request, int concurrency, TimeSpan duration, LoadFigures into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkerAsync(request, deadline, cancellationToken), cancellationToken));
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        var latencies = new List<long>(results.Sum(r => r.Latencies.Count));
        foreach (var result in results)
        {
            latencies.AddRange(result.Latencies);
        }

        into.Add(latencies, results.Sum(r => r.Errors), elapsed, cpu);
    }

    private static async Task<(List<long> Latencies, long Errors)> WorkerAsync(
        Func<CancellationToken, Task> request, long deadline, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(4096);
        long errors = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            try
            {
                await request(cancellationToken);
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors++;
                if (errors == 1)
                {
                    Console.Error.WriteLine($"  first error: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        return (latencies, errors);
    }
}
