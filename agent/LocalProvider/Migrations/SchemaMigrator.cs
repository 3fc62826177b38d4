using Microsoft.Data.Sqlite;

namespace Meshery.Agent.LocalProvider.Migrations;

/// <summary>
/// Brings a database up to <see cref="LocalSchema.Migrations"/>: reads the applied versions from
/// <c>schema_migrations</c> and runs each missing step in an immediate transaction, so two processes
/// starting together apply each step once.
/// </summary>
public static class SchemaMigrator
{
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new List<Migration>();
        foreach (var migration in LocalSchema.Migrations)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v;";
            check.Parameters.AddWithValue("$v", migration.Version);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                continue;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql;
            await apply.ExecuteNonQueryAsync(cancellationToken);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t);";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$n", migration.Name);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return applied;
    }
}
