namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>
/// Every test here has a time limit: a step that never answers (a server, the browser) fails its test,
/// and the rest of the run goes on. xUnit cancels <c>TestContext.Current.CancellationToken</c> at the limit.
/// </summary>
public static class TestLimits
{
    /// <summary>Ten times the slowest test's time on a loaded two-core machine.</summary>
    public const int Test = 120_000;

    /// <summary>The browser test's: up to five page loads and two sign-ins in headless Chromium.</summary>
    public const int Browser = 300_000;
}
