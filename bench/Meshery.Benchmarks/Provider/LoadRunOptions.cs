using System.Globalization;

namespace Meshery.Benchmarks.Provider;

/// <summary>The load run's command-line options.</summary>
/// <param name="HostArgs">Configuration for the provider host, given as <c>--Section:Key=value</c> (e.g. <c>--Logging:LogLevel:Default=Information</c>).</param>
public sealed record LoadRunOptions(TimeSpan Duration, int Concurrency, int Rounds, TimeSpan Warmup, IReadOnlyList<string> HostArgs)
{
    /// <summary>Runs only the scenarios whose name contains this text.</summary>
    public string? Scenario { get; init; }

    /// <summary>The target: the provider adds no more than this over direct storage calls.</summary>
    public const double TargetOverhead = 0.25;

    public static LoadRunOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var duration = Number(args, "--duration", 10, 1);
        var concurrency = (int)Number(args, "--concurrency", 16, 1);
        var rounds = (int)Number(args, "--rounds", 4, 1);
        var warmup = Number(args, "--warmup", 2, 0);
        string[] hostArgs = [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))];
        var scenarioAt = Array.IndexOf(args, "--scenario");
        return new LoadRunOptions(TimeSpan.FromSeconds(duration), concurrency, rounds, TimeSpan.FromSeconds(warmup), hostArgs)
        {
            Scenario = scenarioAt >= 0 && scenarioAt + 1 < args.Length ? args[scenarioAt + 1] : null,
        };
    }

    private static double Number(string[] args, string name, double fallback, double min)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        return at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new FormatException($"{name} takes a number of at least {min.ToString(CultureInfo.InvariantCulture)}.");
    }
}
