using System.Diagnostics;
using System.Globalization;
using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Load;
using Microsoft.Extensions.Options;

namespace Meshery.Benchmarks.Perf;

/// <summary>
/// <c>dotnet run -c Release --project bench/Meshery.Benchmarks -- perf [--duration 10] [--connections 4] [--rounds 4] [--warmup 2]</c>:
/// the load generator's closed loop at full speed (Fortio's <c>-qps 0</c>) against a local Kestrel endpoint in another
/// process, against a baseline in the same run: a plain <see cref="HttpClient"/> loop with the same connections. The two
/// alternate in rounds so drift on a shared machine hits both. Prints throughput as a ratio to the baseline, and the
/// client's CPU time and allocations per request on each side, the generator's own overhead being the difference.
/// </summary>
public static class PerfLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var duration = TimeSpan.FromSeconds(Number(args, "--duration", 10));
        var connections = (int)Number(args, "--connections", 4);
        var rounds = (int)Number(args, "--rounds", 4);
        var warmup = TimeSpan.FromSeconds(Number(args, "--warmup", 2));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cts.Token;
        Console.WriteLine($"perf: {connections} connections, {duration.TotalSeconds:0.#} s per side in {rounds} rounds, warm-up {warmup.TotalSeconds:0.#} s; {Environment.ProcessorCount} cores");
        await using var target = await PerfTargetProcess.StartAsync(ct);
        var runner = new LoadRunner(TimeProvider.System, Options.Create(new PerfOptions()));
        LoadTest Test(TimeSpan length) => new() { Url = target.Url, Connections = connections, Duration = length, TestId = "bench" };

        Console.WriteLine("warm-up");
        await PlainHttpClientLoop.RunAsync(target.Url, connections, warmup, ct);
        await runner.RunAsync(Test(warmup), null, ct);

        var baseline = new ClientFigures();
        var generator = new ClientFigures();
        var round = duration / rounds;
        for (var i = 0; i < rounds; i++)
        {
            Console.WriteLine($"round {i + 1}/{rounds}");
            var baselineFirst = i % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                if ((side == 0) == baselineFirst)
                {
                    await MeasureAsync(baseline, () => PlainHttpClientLoop.RunAsync(target.Url, connections, round, ct));
                }
                else
                {
                    await MeasureAsync(generator, async () => (await runner.RunAsync(Test(round), null, ct)).Requests);
                }
            }
        }

        Print("baseline (HttpClient loop)", baseline);
        Print("generator (closed loop)", generator);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput ratio generator/baseline: {generator.RequestsPerSecond / baseline.RequestsPerSecond:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generator overhead per request: {generator.CpuMicrosecondsPerRequest - baseline.CpuMicrosecondsPerRequest:+0.0;-0.0} us CPU, {generator.BytesPerRequest - baseline.BytesPerRequest:+0;-0} B allocated"));
        return 0;
    }

    private static async Task MeasureAsync(ClientFigures into, Func<Task<long>> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var requests = await run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        into.Add(requests, elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static void Print(string name, ClientFigures figures) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {figures.Requests,9} requests  {figures.RequestsPerSecond,9:0} req/s  {figures.CpuMicrosecondsPerRequest,7:0.0} us CPU/req  {figures.BytesPerRequest,7:0} B/req"));

    private static double Number(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
