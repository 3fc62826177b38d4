using BenchmarkDotNet.Running;
using System.Globalization;
using Meshery.Benchmarks.ClusterSync;
using Meshery.Benchmarks.Perf;
using Meshery.Benchmarks.Provider;

namespace Meshery.Benchmarks;

internal static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["cluster-sync", .. var rest]:
                return await ClusterSyncLoadRun.RunAsync(rest);
            case ["provider-load", .. var rest]:
                return await ProviderLoadRun.RunAsync(rest);
            case ["perf", .. var rest]:
                return await PerfLoadRun.RunAsync(rest);
            case ["perf-target", var port]:
                return await PerfTargetProcess.ServeAsync(int.Parse(port, CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
