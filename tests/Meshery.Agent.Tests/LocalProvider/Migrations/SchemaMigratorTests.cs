using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Migrations;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.Tests.LocalProvider.Migrations;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _folder.File("mesherydb.sql");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_file_gets_every_migration_recorded_once()
    {
        await using var local = new LocalProviderHarness(DatabasePath);

        await local.Database.EnsureMigratedAsync(Ct);

        var applied = await AppliedAsync();
        Assert.Equal(LocalSchema.Migrations.Select(m => ((long)m.Version, m.Name)), applied.Select(a => (a.Version, a.Name)));
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Opening_again_applies_nothing_new()
    {
        await using (var first = new LocalProviderHarness(DatabasePath))
        {
            await first.Database.EnsureMigratedAsync(Ct);
        }

        var before = await AppliedAsync();
        await using (var second = new LocalProviderHarness(DatabasePath))
        {
            await second.Database.EnsureMigratedAsync(Ct);
            await second.Database.EnsureMigratedAsync(Ct);
        }

        await using var connection = await OpenAsync();
        var again = await SchemaMigrator.ApplyAsync(connection, Ct);

        Assert.Empty(again);
        Assert.Equal(before, await AppliedAsync());
    }

    [Fact]
    public async Task Two_instances_migrating_one_new_file_at_once_apply_each_step_once()
    {
        await using var left = new LocalProviderHarness(DatabasePath);
        await using var right = new LocalProviderHarness(DatabasePath);

        await Task.WhenAll(
            Task.Run(() => left.Database.EnsureMigratedAsync(Ct), Ct),
            Task.Run(() => right.Database.EnsureMigratedAsync(Ct), Ct));

        Assert.Equal(LocalSchema.Migrations.Select(m => (long)m.Version), (await AppliedAsync()).Select(a => a.Version));
    }

    [Fact]
    public async Task The_local_organization_is_seeded_for_the_local_user()
    {
        await using var local = new LocalProviderHarness(DatabasePath);

        var page = await local.Organizations.ListAsync(LocalUser.Caller, new PageRequest(), Ct);
        var org = await local.Organizations.GetAsync(LocalUser.Caller, LocalUser.OrganizationId, Ct);

        Assert.Equal("Local", Assert.Single(page.Organizations).Name);
        Assert.Equal(LocalUser.OrganizationId, org!.Id);
        Assert.Equal(LocalUser.Id, org.Owner);
        Assert.Equal(Guid.Parse("a449604d-3f10-58f4-95ff-a9385c2fad6a"), LocalUser.Id);
        Assert.Equal(0, (await local.Organizations.ListAsync(new Meshery.ExtensionPoints.ProviderCaller(Guid.NewGuid()), new PageRequest(), Ct)).TotalCount);
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_foreign_keys_on()
    {
        await using var local = new LocalProviderHarness(DatabasePath);
        await using var connection = await local.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync(Ct);
        command.CommandText = "PRAGMA foreign_keys;";
        var foreignKeys = (long?)await command.ExecuteScalarAsync(Ct);

        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task<List<(long Version, string Name, string AppliedAt)>> AppliedAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version;";
        var rows = new List<(long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
