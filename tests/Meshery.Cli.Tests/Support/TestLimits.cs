namespace Meshery.Cli.Tests.Support;

/// <summary>
/// Time limits of the tests that talk to an agent or a provider: a server that never answers fails its
/// test, and the rest of the run goes on. xUnit cancels <c>TestContext.Current.CancellationToken</c> at the limit.
/// </summary>
public static class TestLimits
{
    /// <summary>Far above the slowest such test's time on a loaded two-core machine.</summary>
    public const int Test = 120_000;
}
