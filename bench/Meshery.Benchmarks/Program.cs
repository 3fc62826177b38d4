using BenchmarkDotNet.Running;

namespace Meshery.Benchmarks;

internal static class BenchmarkEntry
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
