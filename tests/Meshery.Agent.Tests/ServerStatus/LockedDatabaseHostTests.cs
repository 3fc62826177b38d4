using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.Tests.ServerStatus;

/// <summary>The agent started while another process holds the database's write lock, then released.</summary>
public sealed class LockedDatabaseHostTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Readiness_and_calls_answer_503_while_locked_and_recover_when_released()
    {
        var path = _folder.File("mesherydb.sql");
        await using (var local = new LocalProviderHarness(path))
        {
            await local.Database.EnsureMigratedAsync(Ct);
        }

        await using var locker = new SqliteConnection($"Data Source={path};Pooling=False");
        await locker.OpenAsync(Ct);
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        await using var host = await AgentHost.StartAsync(["--Meshery:LocalProvider:BusyTimeout=00:00:00.300"], path);
        using (var ready = await host.Client.GetAsync("/readyz", Ct))
        {
            var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync(Ct))!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("locked", (string?)body["checks"]!["provider"], StringComparison.Ordinal);
        }

        await host.Client.SendProblemAsync(HttpMethod.Get, "/api/environments", HttpStatusCode.ServiceUnavailable, "locked");

        await locker.DisposeAsync();
        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var ready = await host.Client.GetAsync("/readyz", Ct);
            status = ready.StatusCode;
        }
        while (status != HttpStatusCode.OK && deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
        using var created = await host.Client.PostJsonAsync("/api/environments", """{"name":"after the lock"}""");
        await created.ReadJsonAsync(HttpStatusCode.Created);
    }
}
