namespace Meshery.Cli.Tests.Support;

/// <summary>Points a harness's current context at an agent.</summary>
public static class AgentContext
{
    /// <summary>Creates the context <paramref name="name"/> for <paramref name="url"/> and makes it current.</summary>
    public static async Task UseAsync(CliHarness cli, Uri url, string name = "agent")
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(url);
        await cli.RunOkAsync("system", "context", "create", name, "--url", url.ToString(), "--set");
    }
}
