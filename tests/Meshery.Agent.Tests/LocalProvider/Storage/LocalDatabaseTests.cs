using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Preferences;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.Tests.LocalProvider.Storage;

/// <summary>The database file itself: surviving a restart, sharing with another writer, locks and corruption.</summary>
public sealed class LocalDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ProviderCaller _caller = new(Guid.NewGuid());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _folder.File("mesherydb.sql");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Data_is_kept_across_a_restart()
    {
        Guid environmentId, credentialId, designId;
        await using (var first = new LocalProviderHarness(DatabasePath))
        {
            environmentId = (await first.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "survivor" }, Ct)).Value.Id;
            credentialId = (await first.Credentials.CreateAsync(_caller, new CredentialPayload { Name = "c", Secret = new JsonObject { ["t"] = "kept" } }, Ct)).Value.Id;
            designId = (await first.Designs.SaveAsync(_caller, new Design { Name = "d", PatternFile = "name: d" }, null, Ct)).Value.Id;
            await first.Preferences.SaveAsync(_caller, new UserPreferences { AnonymousUsageStats = true }, null, Ct);
        }

        await using var second = new LocalProviderHarness(DatabasePath);

        Assert.Equal("survivor", (await second.Environments.GetAsync(_caller, environmentId, Ct))!.Value.Name);
        Assert.Equal("kept", (string?)(await second.Credentials.GetAsync(_caller, credentialId, Ct))!.Value.Secret!["t"]);
        Assert.Equal("name: d", (await second.Designs.GetAsync(_caller, designId, Ct))!.Value.PatternFile);
        Assert.True((await second.Preferences.GetAsync(_caller, Ct)).Value.AnonymousUsageStats);
        var updated = await second.Environments.UpdateAsync(_caller, environmentId, new EnvironmentPayload { Description = "after restart" }, "\"1\"", Ct);
        Assert.Equal("\"2\"", updated.ETag);
    }

    [Fact]
    public async Task Two_writers_on_one_file_lose_nothing()
    {
        const int PerWriter = 200;
        await using var left = new LocalProviderHarness(DatabasePath, time: TimeProvider.System);
        await using var right = new LocalProviderHarness(DatabasePath, time: TimeProvider.System);

        Task<Stored<MesheryEnvironment>> Insert(LocalProviderHarness harness, string name) =>
            Task.Run(() => harness.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = name }, Ct), Ct);

        var writes = Enumerable.Range(0, PerWriter)
            .SelectMany(i => new[] { Insert(left, $"left-{i:D3}"), Insert(right, $"right-{i:D3}") })
            .ToArray();
        await Task.WhenAll(writes);

        var fromLeft = await left.Environments.ListAsync(_caller, new PageRequest { PageSize = 1000, Order = "name" }, null, Ct);
        var fromRight = await right.Environments.ListAsync(_caller, new PageRequest { PageSize = 1000, Order = "name" }, null, Ct);
        Assert.Equal(2 * PerWriter, fromLeft.TotalCount);
        Assert.Equal(2 * PerWriter, fromLeft.Environments.Select(e => e.Name).Distinct().Count());
        Assert.Equal(fromLeft.Environments.Select(e => e.Id), fromRight.Environments.Select(e => e.Id));
        Assert.Equal(writes.Select(w => w.Result.Value.Id).Order(), fromLeft.Environments.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task A_locked_database_fails_writes_clearly_and_recovers_when_released()
    {
        await using var local = new LocalProviderHarness(DatabasePath, busyTimeout: TimeSpan.FromMilliseconds(300));
        var before = await local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "before-lock" }, Ct);

        await using (var locker = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync(Ct);
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO environments (id, owner, name, document, version, created_at, updated_at) " +
                    "VALUES ('uncommitted', 'nobody', 'x', '{}', 1, '', '');";
                await begin.ExecuteNonQueryAsync(Ct);
            }

            var ex = await Assert.ThrowsAsync<ProviderException>(
                () => local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "during-lock" }, Ct));

            Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
            Assert.Contains("locked", ex.Message, StringComparison.Ordinal);
            Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        var after = await local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "after-lock" }, Ct);
        var all = await local.Environments.ListAsync(_caller, new PageRequest { Order = "name" }, null, Ct);

        Assert.Equal(["after-lock", "before-lock"], all.Environments.Select(e => e.Name));
        JsonAssert.Same(before.Value, (await local.Environments.GetAsync(_caller, before.Value.Id, Ct))!.Value);
        Assert.Equal("\"1\"", after.ETag);
    }

    [Fact]
    public async Task A_file_of_garbage_is_reported_corrupt_and_left_untouched()
    {
        var garbage = RandomNumberGenerator.GetBytes(16 * 1024);
        await File.WriteAllBytesAsync(DatabasePath, garbage, Ct);

        await using (var local = new LocalProviderHarness(DatabasePath))
        {
            await AssertCorruptAsync(() => local.Database.EnsureMigratedAsync(Ct));
            await AssertCorruptAsync(() => local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "x" }, Ct));
            await AssertCorruptAsync(() => local.Environments.ListAsync(_caller, new PageRequest(), null, Ct));
            await AssertCorruptAsync(() => local.Preferences.GetAsync(_caller, Ct));
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DatabasePath, Ct));
    }

    [Fact]
    public async Task A_database_with_a_damaged_header_is_reported_corrupt_and_left_untouched()
    {
        await using (var local = new LocalProviderHarness(DatabasePath))
        {
            await local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "soon unreadable" }, Ct);
        }

        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(DatabasePath + "-wal") && new FileInfo(DatabasePath + "-wal").Length > 0, "The WAL was not checkpointed on close.");
        await using (var stream = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            await stream.WriteAsync("NOT A DATABASE!\0"u8.ToArray(), Ct);
        }

        var damaged = await File.ReadAllBytesAsync(DatabasePath, Ct);

        await using (var local = new LocalProviderHarness(DatabasePath))
        {
            await AssertCorruptAsync(() => local.Environments.ListAsync(_caller, new PageRequest(), null, Ct));
            await AssertCorruptAsync(() => local.Environments.CreateAsync(_caller, new EnvironmentPayload { Name = "x" }, Ct));
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(damaged, await File.ReadAllBytesAsync(DatabasePath, Ct));
    }

    private async Task AssertCorruptAsync(Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(action);
        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
        Assert.Contains("corrupt or not a SQLite database", ex.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
    }
}
