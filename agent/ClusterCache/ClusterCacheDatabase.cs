using Meshery.Agent.LocalProvider;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// The cluster cache's own SQLite file (never the provider's), in WAL mode so the one writer and any
/// number of readers do not block each other. Readers get pooled connections with a busy timeout;
/// SQLite failures become <see cref="ProviderException"/>s with one clear line.
/// </summary>
public sealed class ClusterCacheDatabase
{
    private const int SchemaVersion = 2;
    private readonly string _connectionString;
    private readonly ILogger<ClusterCacheDatabase> _logger;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public ClusterCacheDatabase(IOptions<ClusterCacheOptions> options, IOptions<LocalProviderOptions> provider, ILogger<ClusterCacheDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        _logger = logger;
        DatabasePath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.DatabasePath)
            ? ClusterCacheOptions.DefaultPath(provider.Value.DatabasePath)
            : options.Value.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds)),
        }.ToString();
        BusyTimeout = options.Value.BusyTimeout;
    }

    public string DatabasePath { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>Opens the writer's connection (WAL, synchronous NORMAL); the cache is rebuilt from MeshSync, so NORMAL is enough.</summary>
    public async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var connection = await OpenAsync("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;", cancellationToken);
        return connection;
    }

    /// <summary>Opens a pooled connection for reading.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await OpenAsync("PRAGMA cache_size=-1024; PRAGMA query_only=1;", cancellationToken);
    }

    /// <summary>Creates the schema once per process.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (_created)
            {
                return;
            }

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await Guard(async () =>
            {
                await using var version = connection.CreateCommand();
                version.CommandText = "PRAGMA user_version;";
                var current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (current != SchemaVersion)
                {
                    // A cache, never the source of truth: an unknown layout is dropped and rebuilt from MeshSync.
                    await using var create = connection.CreateCommand();
                    create.CommandText = ClusterCacheSchema.Create(SchemaVersion);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    ClusterCacheLog.SchemaCreated(_logger, DatabasePath, current, SchemaVersion);
                }

                return true;
            });
            _created = true;
        }
        finally
        {
            _createLock.Release();
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

    private async Task<SqliteConnection> OpenAsync(string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; {pragmas}";
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
        ClusterCacheLog.DatabaseError(_logger, ex.SqliteErrorCode, DatabasePath, ex);
        var reason = ex.SqliteErrorCode switch
        {
            5 or 6 => $"The cluster cache '{DatabasePath}' is locked by another process; try again when it is released.",
            11 or 26 => $"The cluster cache '{DatabasePath}' is corrupt or not a SQLite database; delete it and restart (it is rebuilt from MeshSync).",
            8 or 13 => $"The cluster cache '{DatabasePath}' cannot be written (read-only or disk full).",
            _ => $"The cluster cache '{DatabasePath}' failed (SQLite error {ex.SqliteErrorCode}): {ex.Message}",
        };
        return new ProviderException(ProviderErrorKind.Unavailable, reason, ex);
    }
}
