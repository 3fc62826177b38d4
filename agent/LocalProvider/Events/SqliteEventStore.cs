using System.Globalization;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Validation;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.LocalProvider.Events;

/// <summary>Events in SQLite, with the read count and the unread count per severity Meshery's UI shows.</summary>
public sealed class SqliteEventStore(LocalDatabase database, TimeProvider time) : IEventStore
{
    /// <summary>Most ids one bulk status change or delete may name.</summary>
    public const int MaxBulkIds = 1000;

    private readonly DocumentTable<MesheryEvent> _table = new(database, LocalTables.Events);

    public async Task<EventPage> ListAsync(ProviderCaller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter()
            .In("category", [.. query.Category])
            .In("action", [.. query.Action])
            .In("severity", [.. query.Severity])
            .In("acted_upon", [.. query.ActedUpon.Select(a => a.ToString("D"))]);
        if (!string.IsNullOrEmpty(query.Status))
        {
            filter.Where("status = $status", ("$status", query.Status));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, query.Page, filter, cancellationToken);
        var (readCount, bySeverity) = await CountsAsync(caller, cancellationToken);
        return new EventPage(items, query.Page.Page, query.Page.PageSize, total, readCount, bySeverity);
    }

    public async Task<MesheryEvent?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await _table.GetAsync(caller.UserId, id, cancellationToken))?.Value;
    }

    public async Task<MesheryEvent> CreateAsync(ProviderCaller caller, MesheryEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(@event);
        var now = SqliteTime.Now(time);
        var created = ContractRules.NewEvent(caller, @event, now);
        try
        {
            await _table.InsertAsync(caller.UserId, created.Id, created, created.CreatedAt ?? now, cancellationToken);
            return created;
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
        {
            // Events are delivered at least once; a repeat of a stored event is not an error.
            var existing = await GetAsync(caller, created.Id, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    public Task<IReadOnlyList<EventType>> ListTypesAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(caller);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT category, action FROM events WHERE owner = $owner ORDER BY category, action;";
            command.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            var types = new List<EventType>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                types.Add(new EventType(reader.GetString(0), reader.GetString(1)));
            }

            return (IReadOnlyList<EventType>)types;
        });

    public Task<int> UpdateStatusAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var checkedStatus = ContractValidation.OneOf(status, "status", EventStatuses.IsKnown, "");
        if (checkedStatus.Length == 0)
        {
            throw ProviderException.Invalid("'status' is required.");
        }

        var now = SqliteTime.Format(time.GetUtcNow());
        return BulkAsync(
            caller,
            ids,
            $"UPDATE events SET status = $status, version = version + 1, updated_at = $now, document = json_set(document, '$.status', $status, '$.updatedAt', $now) WHERE owner = $owner AND id IN",
            command =>
            {
                command.Parameters.AddWithValue("$status", checkedStatus);
                command.Parameters.AddWithValue("$now", now);
            },
            cancellationToken);
    }

    public Task<int> DeleteAsync(ProviderCaller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return BulkAsync(caller, ids, "DELETE FROM events WHERE owner = $owner AND id IN", _ => { }, cancellationToken);
    }

    private Task<int> BulkAsync(
        ProviderCaller caller, IReadOnlyList<Guid> ids, string sqlPrefix, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            ArgumentNullException.ThrowIfNull(ids);
            if (ids.Count == 0)
            {
                return 0;
            }

            if (ids.Count > MaxBulkIds)
            {
                throw ProviderException.Invalid($"At most {MaxBulkIds} ids may be named at once.");
            }

            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = ids.Select((_, i) => "$id" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"{sqlPrefix} ({string.Join(", ", names)});";
            command.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            for (var i = 0; i < ids.Count; i++)
            {
                command.Parameters.AddWithValue(names[i], ids[i].ToString("D"));
            }

            bind(command);
            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed;
        });

    private Task<(int Read, IReadOnlyList<SeverityCount> Unread)> CountsAsync(ProviderCaller caller, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT status, severity, COUNT(*) FROM events WHERE owner = $owner GROUP BY status, severity;";
            command.Parameters.AddWithValue("$owner", caller.UserId.ToString("D"));
            var read = 0;
            var unread = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var count = reader.GetInt32(2);
                if (reader.GetString(0) == EventStatuses.Read)
                {
                    read += count;
                }
                else
                {
                    unread[reader.GetString(1)] = unread.GetValueOrDefault(reader.GetString(1)) + count;
                }
            }

            IReadOnlyList<SeverityCount> bySeverity = [.. EventSeverities.All.Where(unread.ContainsKey).Select(s => new SeverityCount(s, unread[s]))];
            return (read, bySeverity);
        });
}
