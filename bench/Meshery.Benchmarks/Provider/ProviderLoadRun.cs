namespace Meshery.Benchmarks.Provider;

/// <summary>
/// <c>dotnet run -c Release --project bench/Meshery.Benchmarks -- provider-load [--duration 10] [--concurrency 16] [--rounds 4] [--warmup 2] [--scenario text] [--Section:Key=value ...]</c>:
/// Azurite and the provider host in this process; per scenario a closed-loop load through the
/// provider over HTTP and the same storage work done directly with Azure.Data.Tables, alternated in
/// <c>rounds</c> so drift on a shared machine hits both; prints figures, ratios and PASS/MISS
/// against the target (the provider adds at most 25 %).
/// </summary>
public static class ProviderLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadRunOptions options;
        try
        {
            options = LoadRunOptions.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cts.Token;
        Console.WriteLine($"provider-load: {options.Concurrency} workers, {options.Duration.TotalSeconds:0.#} s per side per scenario in {options.Rounds} rounds, warm-up {options.Warmup.TotalSeconds:0.#} s; {Environment.ProcessorCount} cores");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        if (options.HostArgs.Count > 0)
        {
            Console.WriteLine($"provider host configuration: {string.Join(' ', options.HostArgs)}");
        }

        Console.WriteLine("starting Azurite and the provider host; seeding 1 user, preferences, 100 environments");
        await using var rig = await ProviderRig.StartAsync(options.Concurrency, options.HostArgs, ct);
        var scenarios = await ProviderScenarios.CreateAsync(rig, ct);

        var results = new List<ScenarioFigures>();
        foreach (var scenario in scenarios.Where(s => options.Scenario is null || s.Name.Contains(options.Scenario, StringComparison.OrdinalIgnoreCase)))
        {
            results.Add(await MeasureAsync(scenario, options, ct));
        }

        // The floor any HTTP front adds: an anonymous answer with no storage behind it (the token is still checked).
        Console.WriteLine("[HTTP floor] GET /healthz");
        var floor = new LoadFigures();
        await ClosedLoop.RunAsync(c => ProviderScenarios.GetAsync(rig.Http, "healthz", c), options.Concurrency, options.Warmup, new LoadFigures(), ct);
        await ClosedLoop.RunAsync(c => ProviderScenarios.GetAsync(rig.Http, "healthz", c), options.Concurrency, options.Duration / 2, floor, ct);

        Console.WriteLine($"load average at end: {LoadAverage()}");
        LoadReport.Print(results, floor, options);
        return results.Sum(r => r.Provider.Errors + r.Direct.Errors) == 0 ? 0 : 1;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages (Linux), so a run's figures can be read against how busy the machine was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<ScenarioFigures> MeasureAsync(ProviderScenario scenario, LoadRunOptions options, CancellationToken ct)
    {
        var direct = new LoadFigures();
        var provider = new LoadFigures();
        List<(Func<CancellationToken, Task> Request, LoadFigures Into)> sides = [(scenario.Direct, direct), (scenario.Provider, provider)];

        Console.WriteLine($"[{scenario.Name}] warm-up");
        foreach (var (request, _) in sides)
        {
            await ClosedLoop.RunAsync(request, options.Concurrency, options.Warmup, new LoadFigures(), ct);
        }

        var round = options.Duration / options.Rounds;
        for (var i = 0; i < options.Rounds; i++)
        {
            // Rotate which side goes first, so a slow stretch of a shared machine does not favour one.
            Console.WriteLine($"[{scenario.Name}] round {i + 1}/{options.Rounds}");
            for (var j = 0; j < sides.Count; j++)
            {
                var (request, into) = sides[(i + j) % sides.Count];
                await ClosedLoop.RunAsync(request, options.Concurrency, round, into, ct);
            }
        }

        return new ScenarioFigures(scenario, direct, provider);
    }
}
