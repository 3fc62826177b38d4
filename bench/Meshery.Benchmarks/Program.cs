using BenchmarkDotNet.Running;
using Meshery.Benchmarks.ClusterSync;
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
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
