using Microsoft.Data.Sqlite;

namespace Meshery.Agent.ClusterCache;

/// <summary>The writer's prepared statements, reused for every batch on its one connection.</summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _deleteLabels;
    private readonly SqliteCommand _insertLabel;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _sweepLabels;
    private readonly SqliteCommand _sweep;

    public WriterCommands(SqliteConnection connection)
    {
        _upsert = Create(connection, ClusterCacheSchema.Upsert, "$id", "$cluster", "$kind", "$api", "$ns", "$name", "$rv", "$rvnum", "$gen", "$object", "$store");
        _deleteLabels = Create(connection, ClusterCacheSchema.DeleteLabels, "$row");
        _insertLabel = Create(connection, ClusterCacheSchema.InsertLabel, "$row", "$key", "$value");
        _delete = Create(connection, ClusterCacheSchema.Delete, "$id");
        _sweepLabels = Create(connection, ClusterCacheSchema.SweepLabels, "$cluster", "$gen");
        _sweep = Create(connection, ClusterCacheSchema.Sweep, "$cluster", "$gen");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in All())
        {
            command.Transaction = transaction;
        }
    }

    // The per-row statements run synchronously: SQLite does no I/O asynchronously (Microsoft.Data.Sqlite's async
    // methods run the same code and wrap the result), and the writer owns its thread for the whole batch.
    public (long RowId, bool Ours, bool Created) Upsert(ResourceRow row, long rv, long generation, bool fromStore)
    {
        var p = _upsert.Parameters;
        p[0].Value = row.Id;
        p[1].Value = row.ClusterId;
        p[2].Value = row.Kind;
        p[3].Value = row.ApiVersion;
        p[4].Value = row.Namespace;
        p[5].Value = row.Name;
        p[6].Value = row.ResourceVersion;
        p[7].Value = rv;
        p[8].Value = generation;
        p[9].Value = row.Object;
        p[10].Value = fromStore ? 1 : 0;
        using var reader = _upsert.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1) != 0, reader.GetInt64(2) != 0);
    }

    /// <summary>
    /// Writes a row's labels. <paramref name="created"/>: the row was inserted by this batch, so it has none yet
    /// (every delete and sweep removes a row's labels with it, so a reused rowid never inherits any).
    /// </summary>
    public void ReplaceLabels(long rowId, IReadOnlyList<KeyValuePair<string, string>> labels, bool created)
    {
        if (!created)
        {
            _deleteLabels.Parameters[0].Value = rowId;
            _deleteLabels.ExecuteNonQuery();
        }

        foreach (var (key, value) in labels)
        {
            _insertLabel.Parameters[0].Value = rowId;
            _insertLabel.Parameters[1].Value = key;
            _insertLabel.Parameters[2].Value = value;
            _insertLabel.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes by id; returns the row and its cluster, kind and namespace, or null when it was not cached.</summary>
    public (long RowId, ResourceCounts.GroupKey Group)? Delete(string id)
    {
        _delete.Parameters[0].Value = id;
        using var reader = _delete.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), new ResourceCounts.GroupKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)))
            : null;
    }

    /// <summary>Rows per cluster, kind and namespace, read on the writer's connection.</summary>
    public static async Task<Dictionary<ResourceCounts.GroupKey, int>> CountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ClusterCacheSchema.Counts;
        var counts = new Dictionary<ResourceCounts.GroupKey, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[new ResourceCounts.GroupKey(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt32(3);
        }

        return counts;
    }

    public async Task<List<ResourceChange>> SweepAsync(string clusterId, long generation, CancellationToken cancellationToken)
    {
        _sweepLabels.Parameters[0].Value = clusterId;
        _sweepLabels.Parameters[1].Value = generation;
        await _sweepLabels.ExecuteNonQueryAsync(cancellationToken);
        _sweep.Parameters[0].Value = clusterId;
        _sweep.Parameters[1].Value = generation;
        var removed = new List<ResourceChange>();
        await using var reader = await _sweep.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            removed.Add(new ResourceChange(
                ResourceEventTypes.Deleted, clusterId, reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), null, 0));
        }

        return removed;
    }

    public void Dispose()
    {
        foreach (var command in All())
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private IEnumerable<SqliteCommand> All() => [_upsert, _deleteLabels, _insertLabel, _delete, _sweepLabels, _sweep];
}
