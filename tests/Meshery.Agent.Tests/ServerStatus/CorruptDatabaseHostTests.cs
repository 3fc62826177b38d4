using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;

namespace Meshery.Agent.Tests.ServerStatus;

/// <summary>The agent started on a file that is not a SQLite database.</summary>
public sealed class CorruptDatabaseHostTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly byte[] _garbage = RandomNumberGenerator.GetBytes(8192);
    private AgentHost? _host;

    private AgentHost Host => _host!;

    private string DatabasePath => _folder.File("mesherydb.sql");

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllBytesAsync(DatabasePath, _garbage, TestContext.Current.CancellationToken);
        _host = await AgentHost.StartAsync([], DatabasePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Health_stays_up_readiness_and_calls_answer_503_and_the_file_is_untouched()
    {
        var health = await Host.Client.GetOkAsync("/healthz");
        using var ready = await Host.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        var readyBody = JsonNode.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready", (string?)readyBody["status"]);
        Assert.Contains("corrupt or not a SQLite database", (string?)readyBody["checks"]!["provider"], StringComparison.Ordinal);

        await Host.Client.SendProblemAsync(HttpMethod.Get, "/api/environments", HttpStatusCode.ServiceUnavailable, "corrupt or not a SQLite database");
        await Host.Client.SendProblemAsync(HttpMethod.Post, "/api/environments", HttpStatusCode.ServiceUnavailable, "corrupt", """{"name":"x"}""");
        await Host.Client.SendProblemAsync(HttpMethod.Get, "/api/user/prefs", HttpStatusCode.ServiceUnavailable, "corrupt");
        await Host.Client.SendProblemAsync(HttpMethod.Post, "/api/user/prefs", HttpStatusCode.ServiceUnavailable, "corrupt", """{"anonymousUsageStats":true}""");
        await Host.Client.SendProblemAsync(HttpMethod.Get, "/api/pattern", HttpStatusCode.ServiceUnavailable, "corrupt");
        await Host.Client.SendProblemAsync(HttpMethod.Get, "/api/v2/events", HttpStatusCode.ServiceUnavailable, "corrupt");

        await Host.DisposeAsync();
        _host = null;
        Assert.Equal(_garbage, await File.ReadAllBytesAsync(DatabasePath, TestContext.Current.CancellationToken));
    }
}
