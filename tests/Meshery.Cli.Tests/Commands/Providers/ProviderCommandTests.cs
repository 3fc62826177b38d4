using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Providers;

public sealed class ProviderCommandTests(InProcessAgent agent) : IClassFixture<InProcessAgent>, IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_shows_the_agents_providers()
    {
        await _cli.RunOkAsync("system", "context", "create", "agent", "--url", agent.Url.ToString(), "--set");
        var table = await _cli.RunOkAsync("system", "provider", "list");
        ExpectedOutput.Match("provider-list", table.Out);

        var json = await _cli.RunOkAsync("system", "provider", "list", "-o", "json");
        ExpectedOutput.Match("provider-list-json", json.Out);
    }

    [Fact]
    public async Task Set_and_view_change_only_the_context()
    {
        await _cli.RunOkAsync("system", "context", "create", "agent", "--url", agent.Url.ToString(), "--set");
        Assert.Equal("Provider of context 'agent' set to 'Layer5'.\n", (await _cli.RunOkAsync("system", "provider", "set", "Layer5")).Out.ReplaceLineEndings("\n"));
        Assert.Equal("Context 'agent' uses provider 'Layer5'.\n", (await _cli.RunOkAsync("system", "provider", "view")).Out.ReplaceLineEndings("\n"));
        ExpectedOutput.Match("provider-view-yaml", (await _cli.RunOkAsync("system", "provider", "view", "-o", "yaml")).Out);
        var local = await _cli.RunOkAsync("system", "provider", "view", "-c", "local");
        Assert.Equal("Context 'local' uses provider 'None'.\n", local.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task List_against_a_stopped_server_is_one_line()
    {
        await _cli.RunOkAsync("system", "context", "create", "down", "--url", "http://127.0.0.1:9", "--set");
        var line = await _cli.RunFailingAsync("system", "provider", "list");
        Assert.StartsWith("Error: cannot reach the Meshery server at http://127.0.0.1:9/: ", line, StringComparison.Ordinal);
    }
}
