namespace Meshery.Agent.Perf.Tests.Support;

/// <summary>Unique target keys, so tests sharing a target count only their own requests.</summary>
internal static class Keys
{
    private static int _next;

    public static string Next(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}";
}
