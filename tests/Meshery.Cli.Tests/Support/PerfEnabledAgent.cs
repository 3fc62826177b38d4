namespace Meshery.Cli.Tests.Support;

/// <summary>The in-process agent with its perf module on (Meshery Perf on a free loopback port).</summary>
public sealed class PerfEnabledAgent : InProcessAgent
{
    public PerfEnabledAgent()
        : base(_ => new Dictionary<string, string>
        {
            ["Meshery:Agent:Modules:Perf"] = "true",
            ["Meshery:Perf:Host"] = "127.0.0.1",
            ["Meshery:Perf:Port"] = "0",
            ["Meshery:Perf:ProgressInterval"] = "00:00:00.250",
        })
    {
    }
}
