using Meshery.Agent.LocalProvider.Migrations;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>
/// The Local provider's SQLite file: opens pooled connections in WAL mode with foreign keys on and a
/// busy timeout, applies migrations once, and turns SQLite's lock and corruption errors into
/// <see cref="ProviderException"/>s that say what is wrong without touching the file.
/// </summary>
public sealed class LocalDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly ILogger<LocalDatabase> _logger;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly OutboxSettings? _outbox;
    private volatile bool _migrated;

    public LocalDatabase(IOptions<LocalProviderOptions> options, ILogger<LocalDatabase> logger, OutboxSettings? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _outbox = outbox;
        DatabasePath = Path.GetFullPath(options.Value.DatabasePath);
        BusyTimeout = options.Value.BusyTimeout;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    public string DatabasePath { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>Opens a connection to a migrated database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations once per process; safe to call from many threads.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            var applied = await Guard(() => SchemaMigrator.ApplyAsync(connection, cancellationToken));
            foreach (var migration in applied)
            {
                LocalProviderLog.MigrationApplied(_logger, migration.Version, migration.Name, DatabasePath);
            }

            if (_outbox is not null)
            {
                await Guard(async () =>
                {
                    await _outbox.ApplyAsync(connection, cancellationToken);
                    return true;
                });
            }

            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    /// <summary>Runs a database action, translating SQLite failures into provider errors.</summary>
    public async Task<T> Guard<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (SqliteException ex)
        {
            throw Translate(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _migrationLock.Dispose();
        await Task.CompletedTask;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The error of a change refused because the sync outbox is full.</summary>
    public static ProviderException OutboxFull(Exception inner) => new(
        ProviderErrorKind.Unavailable,
        "The change was not made: the outbox of changes waiting for the remote provider is full. Sign in to the provider so they can be sent, then try again.",
        inner);

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw Translate(ex);
        }
    }

    private ProviderException Translate(SqliteException ex)
    {
        LocalProviderLog.DatabaseError(_logger, ex.SqliteErrorCode, DatabasePath, ex);
        if (OutboxSettings.IsFull(ex))
        {
            return OutboxFull(ex);
        }

        return ex.SqliteErrorCode switch
        {
            5 or 6 => new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The local database '{DatabasePath}' is locked by another process or connection; nothing was changed. Try again when it is released.",
                ex),
            11 or 26 => new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The local database '{DatabasePath}' is corrupt or not a SQLite database. It was left untouched; move it aside (or restore a backup) and restart to begin with an empty one.",
                ex),
            8 or 13 => new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The local database '{DatabasePath}' cannot be written (read-only or disk full); nothing was changed.",
                ex),
            19 => new ProviderException(ProviderErrorKind.Conflict, "The change conflicts with data already stored.", ex),
            _ => new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The local database '{DatabasePath}' failed (SQLite error {ex.SqliteErrorCode}): {ex.Message}",
                ex),
        };
    }
}
