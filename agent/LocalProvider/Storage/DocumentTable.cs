using System.Globalization;
using System.Text;
using System.Text.Json;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>
/// Owner-scoped reads and writes of one entity table: insert, read-modify-write guarded by the row's
/// version, delete, and paged lists with filters. Every statement names the owner, so one user's
/// rows never reach another.
/// </summary>
public sealed class DocumentTable<T>
    where T : class
{
    private readonly LocalDatabase _database;
    private readonly DocumentTableDefinition<T> _definition;
    private readonly string _columnList;
    private readonly string _insertSql;
    private readonly string _updateSql;

    public DocumentTable(LocalDatabase database, DocumentTableDefinition<T> definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _database = database;
        _definition = definition;
        var extra = definition.Columns.Select(c => c.Column).ToArray();
        _columnList = string.Join(", ", new[] { "id", "owner", "name" }.Concat(extra).Concat(["document", "version", "created_at", "updated_at"]));
        var values = string.Join(", ", new[] { "$id", "$owner", "$name" }.Concat(extra.Select((_, i) => $"$c{i}")).Concat(["$document", "1", "$now", "$now"]));
        _insertSql = $"INSERT INTO {definition.Table} ({_columnList}) VALUES ({values});";
        var sets = new StringBuilder("name = $name, document = $document, version = version + 1, updated_at = $now");
        for (var i = 0; i < extra.Length; i++)
        {
            sets.Append(CultureInfo.InvariantCulture, $", {extra[i]} = $c{i}");
        }

        _updateSql = $"UPDATE {definition.Table} SET {sets} WHERE id = $id AND owner = $owner AND version = $version;";
    }

    public LocalDatabase Database => _database;

    public Task<Stored<T>?> GetAsync(Guid owner, Guid id, CancellationToken cancellationToken) =>
        _database.Guard(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            return await ReadAsync(connection, null, owner, id, cancellationToken);
        });

    public Task<Stored<T>> InsertAsync(Guid owner, Guid id, T document, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.Guard(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var stored = await InsertAsync(connection, transaction, owner, id, document, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        });

    /// <summary>Inserts inside a caller's transaction (for writes that span tables).</summary>
    public async Task<Stored<T>> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid owner, Guid id, T document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _insertSql;
        Bind(command, owner, id, document, now);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && !OutboxSettings.IsFull(ex))
        {
            throw new ProviderException(ProviderErrorKind.Conflict, $"An entity with id '{id}' already exists.", ex);
        }

        return new Stored<T>(document, EntityTags.From(1));
    }

    /// <summary>
    /// Reads the row, applies <paramref name="change"/> and writes it back in one immediate
    /// transaction; a stale <paramref name="ifMatch"/> fails with <c>PreconditionFailed</c>.
    /// </summary>
    public Task<Stored<T>> UpdateAsync(
        Guid owner, Guid id, Func<T, T> change, string? ifMatch, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.Guard(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var stored = await UpdateAsync(connection, transaction, owner, id, change, ifMatch, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        });

    /// <summary>Read-modify-write inside a caller's transaction (for writes that span tables).</summary>
    public async Task<Stored<T>> UpdateAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        Guid owner,
        Guid id,
        Func<T, T> change,
        string? ifMatch,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(change);
        var (current, version) = await ReadRowAsync(connection, transaction, owner, id, cancellationToken)
            ?? throw ProviderException.NotFound(typeof(T).Name, id);
        if (!EntityTags.Matches(ifMatch, version))
        {
            throw ProviderException.PreconditionFailed(typeof(T).Name, id);
        }

        var next = change(current);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _updateSql;
        Bind(command, owner, id, next, now);
        command.Parameters.AddWithValue("$version", version);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw ProviderException.PreconditionFailed(typeof(T).Name, id);
        }

        return new Stored<T>(next, EntityTags.From(version + 1));
    }

    public Task<T?> DeleteAsync(Guid owner, Guid id, CancellationToken cancellationToken) =>
        _database.Guard(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var row = await ReadRowAsync(connection, transaction, owner, id, cancellationToken);
            if (row is null)
            {
                return null;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {_definition.Table} WHERE id = $id AND owner = $owner;";
            command.Parameters.AddWithValue("$id", Key(id));
            command.Parameters.AddWithValue("$owner", Key(owner));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return row.Value.Document;
        });

    /// <summary>One page of the owner's rows matching <paramref name="filter"/>, and the total count.</summary>
    public Task<(IReadOnlyList<T> Items, int Total)> ListAsync(
        Guid owner, PageRequest page, SqlFilter? filter, CancellationToken cancellationToken, string? from = null) =>
        _database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(page);
            filter ??= new SqlFilter();
            filter.Search(page.Search, [.. _definition.SearchColumns]);
            var order = ListOrder.Parse(page.Order, _definition.OrderColumns, _definition.DefaultOrder);
            var source = from ?? _definition.Table;
            await using var connection = await _database.OpenAsync(cancellationToken);

            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {source} WHERE owner = $owner{filter.Sql};";
            count.Parameters.AddWithValue("$owner", Key(owner));
            filter.AddTo(count);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            await using var select = connection.CreateCommand();
            select.CommandText =
                $"SELECT document FROM {source} WHERE owner = $owner{filter.Sql} " +
                $"ORDER BY {order.Column} {(order.Descending ? "DESC" : "ASC")}, id ASC LIMIT $limit OFFSET $offset;";
            select.Parameters.AddWithValue("$owner", Key(owner));
            select.Parameters.AddWithValue("$limit", page.PageSize);
            select.Parameters.AddWithValue("$offset", page.Offset);
            filter.AddTo(select);
            var items = new List<T>(Math.Min(page.PageSize, 256));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Deserialize(reader.GetString(0)));
            }

            return ((IReadOnlyList<T>)items, total);
        });

    public async Task<Stored<T>?> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, Guid owner, Guid id, CancellationToken cancellationToken)
    {
        var row = await ReadRowAsync(connection, transaction, owner, id, cancellationToken);
        return row is null ? null : new Stored<T>(row.Value.Document, EntityTags.From(row.Value.Version));
    }

    public static string Key(Guid id) => id.ToString("D");

    private async Task<(T Document, long Version)?> ReadRowAsync(
        SqliteConnection connection, SqliteTransaction? transaction, Guid owner, Guid id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT document, version FROM {_definition.Table} WHERE id = $id AND owner = $owner;";
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$owner", Key(owner));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (Deserialize(reader.GetString(0)), reader.GetInt64(1));
    }

    private void Bind(SqliteCommand command, Guid owner, Guid id, T document, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$owner", Key(owner));
        command.Parameters.AddWithValue("$name", _definition.Name(document));
        command.Parameters.AddWithValue("$document", JsonSerializer.Serialize(document, _definition.TypeInfo));
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        for (var i = 0; i < _definition.Columns.Count; i++)
        {
            command.Parameters.AddWithValue($"$c{i}", _definition.Columns[i].Value(document) ?? DBNull.Value);
        }
    }

    private T Deserialize(string json) =>
        JsonSerializer.Deserialize(json, _definition.TypeInfo)
        ?? throw new ProviderException(ProviderErrorKind.Unavailable, $"A row of {_definition.Table} holds no document.");
}
