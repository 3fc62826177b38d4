using System.Globalization;

namespace Meshery.Testing.Functions.Tests;

/// <summary>Prints timings to the test output; tests never assert on them.</summary>
internal static class Measurements
{
    public static void Print(string what, IReadOnlyCollection<TimeSpan> samples)
    {
        var ms = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        Print(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={ms.Length} mean={ms.Average():0.00} ms p50={At(ms, 0.50):0.00} p95={At(ms, 0.95):0.00} max={ms[^1]:0.00} ms"));
    }

    public static void Print(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(quantile * sorted.Length))];
}
