using System.Net;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.Hosting;

/// <summary>The built agent as a real process: default database location and data kept across a kill.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private readonly TempFolder _home = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Preferences_survive_a_killed_agent_in_the_default_database()
    {
        var port = AgentProcess.FreePort();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var marker = "org-" + Guid.NewGuid().ToString("N");

        await using (var first = AgentProcess.Start(_home.Path, port))
        {
            await first.WaitReadyAsync(client, TimeSpan.FromSeconds(60), Ct);
            using var saved = await client.PostAsync(
                new Uri(first.BaseAddress, "/api/user/prefs"), AgentHttp.Json($$"""{"selectedOrganizationId":"{{marker}}","anonymous_usage_stats":false}"""), Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            await first.KillAsync();
        }

        Assert.True(File.Exists(Path.Combine(_home.Path, ".meshery", "config", "mesherydb.sql")), "The database is not at ~/.meshery/config/mesherydb.sql.");

        await using var second = AgentProcess.Start(_home.Path, port);
        await second.WaitReadyAsync(client, TimeSpan.FromSeconds(60), Ct);
        using var response = await client.GetAsync(new Uri(second.BaseAddress, "/api/user/prefs"), Ct);
        var prefs = await response.ReadOkAsync();

        Assert.Equal(marker, (string?)prefs["selectedOrganizationId"]);
        Assert.False((bool)prefs["anonymousUsageStats"]!);
        Assert.Equal("\"1\"", AgentHttp.ETagOf(response));
        var ready = await client.GetStringAsync(new Uri(second.BaseAddress, "/readyz"), Ct);
        Assert.Contains(Path.Combine(_home.Path, ".meshery", "config", "mesherydb.sql"), ready, StringComparison.Ordinal);
    }
}
