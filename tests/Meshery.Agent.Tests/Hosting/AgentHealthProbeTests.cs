using System.Globalization;
using Meshery.Agent.Hosting;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Hosting;

/// <summary><c>meshery-agent healthcheck</c>, the image's HEALTHCHECK, against a real agent process and against nothing.</summary>
public sealed class AgentHealthProbeTests : IDisposable
{
    private readonly TempFolder _home = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Exits_zero_when_the_agent_answers_healthz()
    {
        var port = AgentProcess.FreePort();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var agent = AgentProcess.Start(_home.Path, port);
        await agent.WaitReadyAsync(client, TimeSpan.FromSeconds(60), Ct);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var code = await AgentHealthProbe.RunAsync([PortArgument(port)], error, Ct);

        Assert.Equal(0, code);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Exits_one_with_one_line_when_no_agent_listens()
    {
        var port = AgentProcess.FreePort();
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var code = await AgentHealthProbe.RunAsync([PortArgument(port)], error, Ct);

        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"healthcheck: http://127.0.0.1:{port}/healthz"), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_healthcheck_verb_selects_the_probe()
    {
        Assert.True(AgentHealthProbe.IsRequested(["healthcheck"]));
        Assert.False(AgentHealthProbe.IsRequested([]));
        Assert.False(AgentHealthProbe.IsRequested(["--Meshery:Agent:Port=9081"]));
    }

    private static string PortArgument(int port) => string.Create(CultureInfo.InvariantCulture, $"--Meshery:Agent:Port={port}");
}
