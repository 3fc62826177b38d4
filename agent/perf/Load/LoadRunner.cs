using Meshery.Agent.Perf.Histograms;
using Meshery.Agent.Perf.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Perf.Load;

/// <summary>
/// Runs a load test: one <see cref="ConnectionWorker"/> per connection on its <see cref="LoadSchedule"/>, progress
/// every <see cref="PerfOptions.ProgressInterval"/>, and at the end the workers' histograms merged. Requests in flight
/// when the duration ends are awaited and counted (the target saw them); cancellation abandons them at once.
/// </summary>
public sealed class LoadRunner(TimeProvider time, IOptions<PerfOptions> options)
{
    /// <summary>Runs <paramref name="test"/>; throws <see cref="LoadTestRejectedException"/> when it breaks the limits.</summary>
    public async Task<LoadOutcome> RunAsync(LoadTest test, Func<LoadProgress, CancellationToken, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        var limits = options.Value;
        if (LoadTestRules.Check(test, limits) is { } reason)
        {
            throw new LoadTestRejectedException(reason);
        }

        var template = new RequestTemplate(test);
        var workers = new ConnectionWorker[test.Connections];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new ConnectionWorker(template, time, limits.RequestTimeout);
        }

        try
        {
            var startTime = time.GetUtcNow();
            var start = time.GetTimestamp();
            var end = start + (long)(test.Duration.TotalSeconds * time.TimestampFrequency);
            var running = new Task[workers.Length];
            for (var i = 0; i < workers.Length; i++)
            {
                var worker = workers[i];
                var schedule = LoadSchedule.For(test, i, start, end, time.TimestampFrequency);
                running[i] = Task.Run(() => worker.RunAsync(schedule, cancellationToken), cancellationToken);
            }

            var all = Task.WhenAll(running);
            var reporting = onProgress is null ? Task.CompletedTask : ReportAsync(all, workers, start, limits.ProgressInterval, onProgress, cancellationToken);
            try
            {
                await all.ConfigureAwait(false);
            }
            finally
            {
                await reporting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            cancellationToken.ThrowIfCancellationRequested();
            await reporting.ConfigureAwait(false);

            // A paced test whose last request answered early still lasted its duration: the rate is over all of it.
            // (Timers may fire up to a millisecond early, hence the loop.)
            for (var early = time.GetElapsedTime(time.GetTimestamp(), end); early > TimeSpan.Zero; early = time.GetElapsedTime(time.GetTimestamp(), end))
            {
                await Task.Delay(early < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : early, time, cancellationToken).ConfigureAwait(false);
            }

            var duration = time.GetElapsedTime(start);
            return Merge(test, startTime, duration, workers);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private async Task ReportAsync(
        Task running, ConnectionWorker[] workers, long start, TimeSpan interval, Func<LoadProgress, CancellationToken, ValueTask> onProgress, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        long lastCount = 0;
        var lastAt = start;
        while (!running.IsCompleted)
        {
            var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(tick, running).ConfigureAwait(false) == running || !await tick.ConfigureAwait(false))
            {
                return;
            }

            long count = 0;
            long errors = 0;
            foreach (var worker in workers)
            {
                count += worker.Completed;
                errors += worker.Errors;
            }

            var now = time.GetTimestamp();
            var seconds = time.GetElapsedTime(lastAt, now).TotalSeconds;
            var rate = seconds > 0 ? (count - lastCount) / seconds : 0;
            lastCount = count;
            lastAt = now;
            await onProgress(new LoadProgress(count, errors, time.GetElapsedTime(start, now), rate), cancellationToken).ConfigureAwait(false);
        }
    }

    private static LoadOutcome Merge(LoadTest test, DateTimeOffset startTime, TimeSpan duration, ConnectionWorker[] workers)
    {
        var latency = new LogLinearHistogram();
        var sizes = new LogLinearHistogram();
        var codes = new SortedDictionary<int, long>();
        long errors = 0;
        foreach (var worker in workers)
        {
            latency.Merge(worker.Latency);
            sizes.Merge(worker.Sizes);
            errors += worker.Errors;
            foreach (var (code, count) in worker.RetCodes)
            {
                codes[code] = codes.GetValueOrDefault(code) + count;
            }
        }

        return new LoadOutcome(test, startTime, duration, latency, sizes, codes, errors);
    }
}
