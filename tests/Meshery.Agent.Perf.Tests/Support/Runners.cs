using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Load;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Perf.Tests.Support;

/// <summary>Load runners over the system clock with the given limits.</summary>
internal static class Runners
{
    public static LoadRunner Create(PerfOptions? limits = null) => new(TimeProvider.System, Options.Create(limits ?? new PerfOptions()));

    public static Task<LoadOutcome> RunAsync(LoadTest test, CancellationToken cancellationToken, PerfOptions? limits = null) =>
        Create(limits).RunAsync(test, null, cancellationToken);

    public static LoadTest Test(Uri url, string generator = LoadGenerators.Fortio, int connections = 1, double qps = 0, double seconds = 1) => new()
    {
        Url = url,
        LoadGenerator = generator,
        Connections = connections,
        Qps = qps,
        Duration = TimeSpan.FromSeconds(seconds),
        TestId = Guid.NewGuid().ToString("D"),
    };
}
