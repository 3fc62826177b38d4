namespace Meshery.Agent.Telemetry.Tests.Support;

/// <summary>Time limits of the tests: each one talks to real HTTP servers, so a hang fails the test, not the run.</summary>
public static class TestLimits
{
    public const int Test = 60_000;

    /// <summary>How long a status change may take: a few monitor intervals (0.5 s) plus the request timeout (2 s).</summary>
    public static readonly TimeSpan StatusChange = TimeSpan.FromSeconds(15);
}
