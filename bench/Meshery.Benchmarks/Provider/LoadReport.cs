using System.Globalization;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// Prints the load run as Markdown tables: the figures of each side, then the ratios and the verdict.
/// Overhead is counted both ways a caller feels it: throughput (direct req/s over provider req/s,
/// minus one) and tail latency (provider p99 over direct p99, minus one); PASS needs both within target.
/// </summary>
public static class LoadReport
{
    public static void Print(IReadOnlyList<ScenarioFigures> results, LoadFigures floor, LoadRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine();
        Console.WriteLine($"Closed loop, {options.Concurrency} workers, {options.Duration.TotalSeconds:0.#} s per side, provider over HTTP/1.1 keep-alive with a bearer token, Azurite in memory.");
        Console.WriteLine();
        Console.WriteLine("| scenario | side | storage work | requests | errors | req/s | p50 ms | p99 ms | CPU µs/req here |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Row(r.Scenario.Name, "direct (baseline)", r.Scenario.DirectWork, r.Direct);
            Row(r.Scenario.Name, "provider", r.Scenario.ProviderWork, r.Provider);
        }

        Row("HTTP floor", "provider", "none (GET /healthz)", floor);
        Console.WriteLine();
        Console.WriteLine("CPU µs/req here: CPU time of this process (load client, provider host, storage SDK) per request; Azurite's is not in it. The HTTP floor runs flat out, which batches socket work, so its figures are a lower bound.");
        Console.WriteLine();
        Console.WriteLine("| scenario | provider/direct req/s | provider/direct p99 | provider/direct CPU per req | throughput overhead | p99 overhead | target <= 25 % |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            Ratios(r.Scenario.Name, r.Provider, r.Direct);
        }

        Console.WriteLine();
        foreach (var r in results)
        {
            var (throughput, p99) = Overheads(r.Provider, r.Direct);
            var pass = throughput <= LoadRunOptions.TargetOverhead && p99 <= LoadRunOptions.TargetOverhead && r.Provider.Errors + r.Direct.Errors == 0;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(pass ? "PASS" : "MISS")} {r.Scenario.Name}: throughput overhead {Percent(throughput)}, p99 overhead {Percent(p99)} (target <= 25 %)"));
        }
    }

    private static void Row(string scenario, string side, string work, LoadFigures f) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {scenario} | {side} | {work} | {f.Requests:N0} | {f.Errors:N0} | {f.RequestsPerSecond:N0} | {f.P50Milliseconds:0.00} | {f.P99Milliseconds:0.00} | {f.CpuMicrosecondsPerRequest:N0} |"));

    private static void Ratios(string scenario, LoadFigures provider, LoadFigures baseline)
    {
        var (throughput, p99) = Overheads(provider, baseline);
        var rps = provider.RequestsPerSecond / baseline.RequestsPerSecond;
        var latency = provider.P99Milliseconds / baseline.P99Milliseconds;
        var cpu = provider.CpuMicrosecondsPerRequest / baseline.CpuMicrosecondsPerRequest;
        var mark = throughput <= LoadRunOptions.TargetOverhead && p99 <= LoadRunOptions.TargetOverhead ? "PASS" : "MISS";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {scenario} | {rps:0.00} | {latency:0.00} | {cpu:0.00} | {Percent(throughput)} | {Percent(p99)} | {mark} |"));
    }

    private static (double Throughput, double P99) Overheads(LoadFigures provider, LoadFigures baseline) =>
        ((baseline.RequestsPerSecond / provider.RequestsPerSecond) - 1, (provider.P99Milliseconds / baseline.P99Milliseconds) - 1);

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:+0;-0;0} %");
}
