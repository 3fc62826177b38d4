using Meshery.Cli.Tests.Support;

namespace Meshery.Cli.Tests.Commands.Version;

public sealed class VersionCommandTests(InProcessAgent agent) : IClassFixture<InProcessAgent>, IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Shows_client_and_server_versions()
    {
        await _cli.RunOkAsync("system", "context", "create", "agent", "--url", agent.Url.ToString(), "--set");
        ExpectedOutput.Match("version", (await _cli.RunOkAsync("version")).Out);
        ExpectedOutput.Match("version-json", (await _cli.RunOkAsync("version", "-o", "json")).Out, (agent.Url.ToString(), "<agent>/"));
    }

    [Fact]
    public async Task An_unreachable_server_is_not_an_error()
    {
        await _cli.RunOkAsync("system", "context", "create", "down", "--url", "http://127.0.0.1:9", "--set");
        var result = await _cli.RunOkAsync("version");
        ExpectedOutput.Match("version-no-server", result.Out);
        Assert.Equal("", result.Error);
    }
}
