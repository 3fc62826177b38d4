using System.Globalization;
using Meshery.Agent.LocalProvider.Storage;

namespace Meshery.Agent.LocalProvider.Outbox;

/// <summary>Reads the outbox in order and removes what the provider has acknowledged.</summary>
public sealed class SqliteOutbox(LocalDatabase database)
{
    /// <summary>The oldest unsent rows, in the order the changes were made.</summary>
    public Task<IReadOnlyList<OutboxRow>> ReadAsync(int max, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT seq, event_id, type, source, subject, time, owner, organization_id, data, secret
                FROM sync_outbox ORDER BY seq LIMIT $max;
                """;
            select.Parameters.AddWithValue("$max", max);
            var rows = new List<OutboxRow>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OutboxRow(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    Instant(reader.GetString(5)),
                    Guid.Parse(reader.GetString(6)),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : (byte[])reader.GetValue(9)));
            }

            return (IReadOnlyList<OutboxRow>)rows;
        });

    /// <summary>Removes every row up to and including <paramref name="seq"/> (the provider has them).</summary>
    public Task<int> RemoveThroughAsync(long seq, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM sync_outbox WHERE seq <= $seq;";
            delete.Parameters.AddWithValue("$seq", seq);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        });

    /// <summary>
    /// Moves the change <paramref name="seq"/> from the outbox to the rejected changes with the provider's
    /// <paramref name="reason"/>, in one transaction: it is never lost and never sent again.
    /// </summary>
    public Task<bool> RejectAsync(long seq, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var move = connection.CreateCommand();
            move.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
            move.CommandText = """
                INSERT INTO sync_rejected (seq, event_id, type, source, subject, time, owner, organization_id, data, secret, reason, rejected_at)
                SELECT seq, event_id, type, source, subject, time, owner, organization_id, data, secret, $reason, $at
                FROM sync_outbox WHERE seq = $seq;
                DELETE FROM sync_outbox WHERE seq = $seq;
                """;
            move.Parameters.AddWithValue("$seq", seq);
            move.Parameters.AddWithValue("$reason", reason);
            move.Parameters.AddWithValue("$at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            var changed = await move.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed > 0;
        });

    /// <summary>The refused changes, oldest first, at most <paramref name="max"/>: what they were and the provider's reason.</summary>
    public Task<IReadOnlyList<(string EventId, string Type, string Subject, DateTimeOffset Time, string Reason, DateTimeOffset RejectedAt)>> ListRejectedAsync(
        int max, CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT event_id, type, subject, time, reason, rejected_at FROM sync_rejected ORDER BY seq LIMIT $max;";
            select.Parameters.AddWithValue("$max", max);
            var rows = new List<(string, string, string, DateTimeOffset, string, DateTimeOffset)>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(reader.GetString(3)), reader.GetString(4), Instant(reader.GetString(5))));
            }

            return (IReadOnlyList<(string, string, string, DateTimeOffset, string, DateTimeOffset)>)rows;
        });

    /// <summary>How many changes the provider refused (kept in <c>sync_rejected</c>).</summary>
    public Task<long> CountRejectedAsync(CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sync_rejected;";
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });

    /// <summary>How many changes wait to be sent.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        database.Guard(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sync_outbox;";
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
