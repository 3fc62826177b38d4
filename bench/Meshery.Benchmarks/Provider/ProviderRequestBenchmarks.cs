using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// One request at a time (no concurrency): each of the three requests through the provider
/// host, against its direct Azure.Data.Tables baseline, in the same run. The ratio per category is
/// the latency the provider adds to an idle request; <c>provider-load</c> measures the same work under load.
/// It runs in process (Azurite and the host are in the benchmark's process either way), which also
/// spares a busy machine BenchmarkDotNet's rebuild of the whole solution.
/// <c>dotnet run -c Release --project bench/Meshery.Benchmarks -- --filter *ProviderRequestBenchmarks*</c>
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(ShortInProcess))]
public class ProviderRequestBenchmarks
{
    private const string Preferences = "GET preferences";
    private const string Environments = "list environments";
    private const string Events = "POST event";

    private ProviderRig _rig = null!;
    private ProviderScenario _preferences = null!;
    private ProviderScenario _environments = null!;
    private ProviderScenario _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rig = ProviderRig.StartAsync(connections: 1, hostArgs: [], CancellationToken.None).GetAwaiter().GetResult();
        _preferences = ProviderScenarios.Preferences(_rig);
        _environments = ProviderScenarios.ListEnvironments(_rig);
        _events = ProviderScenarios.PostEvent(_rig, ProviderScenarios.StoredEventAsync(_rig, CancellationToken.None).GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Preferences)]
    public Task DirectPreferences() => _preferences.Direct(CancellationToken.None);

    [Benchmark]
    [BenchmarkCategory(Preferences)]
    public Task ProviderPreferences() => _preferences.Provider(CancellationToken.None);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Environments)]
    public Task DirectEnvironments() => _environments.Direct(CancellationToken.None);

    [Benchmark]
    [BenchmarkCategory(Environments)]
    public Task ProviderEnvironments() => _environments.Provider(CancellationToken.None);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Events)]
    public Task DirectEvent() => _events.Direct(CancellationToken.None);

    [Benchmark]
    [BenchmarkCategory(Events)]
    public Task ProviderEvent() => _events.Provider(CancellationToken.None);

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Throughput)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
