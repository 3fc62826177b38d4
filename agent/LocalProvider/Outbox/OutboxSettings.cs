using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.LocalProvider.Outbox;

/// <summary>Writes the outbox options into <c>sync_settings</c>, where the triggers read them, once the schema is current.</summary>
public sealed class OutboxSettings(IOptions<OutboxOptions> options)
{
    public async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var value = options.Value;
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sync_settings SET enabled = $enabled, max_rows = $max, source = $source WHERE id = 1;";
        command.Parameters.AddWithValue("$enabled", value.Enabled == true ? 1 : 0);
        command.Parameters.AddWithValue("$max", value.MaxRows);
        command.Parameters.AddWithValue("$source", value.Source);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="ex"/> is the outbox refusing a change because it is full.</summary>
    public static bool IsFull(SqliteException ex) =>
        ex is not null && ex.SqliteErrorCode == 19 && ex.Message.Contains(OutboxSchema.FullMessage, StringComparison.Ordinal);
}
