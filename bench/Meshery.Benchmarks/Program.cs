using BenchmarkDotNet.Running;
using Meshery.Benchmarks.ClusterSync;

namespace Meshery.Benchmarks;

internal static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["cluster-sync", .. var rest])
        {
            return await ClusterSyncLoadRun.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
