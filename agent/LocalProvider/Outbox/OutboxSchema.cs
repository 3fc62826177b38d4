using System.Text;
using Meshery.ExtensionPoints.Sync;

namespace Meshery.Agent.LocalProvider.Outbox;

/// <summary>
/// The outbox's tables and the triggers that fill it. A trigger runs inside the statement that fired it, so
/// every insert, update and delete of a user-data row, whichever store or statement made it, appends its
/// outbox row in the same transaction: a change that rolls back leaves no row, and none is ever missing.
/// </summary>
public static class OutboxSchema
{
    /// <summary>The user-data tables whose changes are sent, with their entity names (<see cref="SyncEventTypes"/>).</summary>
    public static IReadOnlyList<(string Table, string Entity)> Tables { get; } =
    [
        ("preferences", SyncEventTypes.Preferences),
        ("environments", SyncEventTypes.Environment),
        ("credentials", SyncEventTypes.Credential),
        ("connections", SyncEventTypes.Connection),
        ("designs", SyncEventTypes.Design),
        ("events", SyncEventTypes.Event),
        ("performance_profiles", SyncEventTypes.PerformanceProfile),
        ("performance_results", SyncEventTypes.PerformanceResult),
    ];

    /// <summary>The message of the error a write gets when the outbox is full (the write is refused and rolled back).</summary>
    public const string FullMessage = "meshery: sync outbox full";

    // A random (version 4) UUID in SQL, for the CloudEvent id.
    private const string NewUuid =
        "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
        "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

    private const string Enabled = "(SELECT enabled FROM sync_settings WHERE id = 1) = 1";

    /// <summary>
    /// Changes the provider refused one by one (a 400, 413 or 422 for a batch of that change alone): moved out of the
    /// outbox so the changes behind them go on, and kept, with the provider's reason, for the user to see and act on.
    /// </summary>
    public const string RejectedSql = """
        CREATE TABLE sync_rejected (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            source TEXT NOT NULL,
            subject TEXT NOT NULL,
            time TEXT NOT NULL,
            owner TEXT NOT NULL,
            organization_id TEXT,
            data TEXT,
            secret BLOB,
            reason TEXT NOT NULL,
            rejected_at TEXT NOT NULL);
        """;

    public static string Sql()
    {
        var sql = new StringBuilder("""
            CREATE TABLE sync_outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                source TEXT NOT NULL,
                subject TEXT NOT NULL,
                time TEXT NOT NULL,
                owner TEXT NOT NULL,
                organization_id TEXT,
                data TEXT,
                secret BLOB);
            CREATE TABLE sync_settings (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                enabled INTEGER NOT NULL,
                max_rows INTEGER NOT NULL,
                source TEXT NOT NULL);
            INSERT INTO sync_settings (id, enabled, max_rows, source) VALUES (1, 0, 100000, '/agents/unknown');
            CREATE TRIGGER sync_outbox_bounded BEFORE INSERT ON sync_outbox
            WHEN (SELECT IFNULL(MAX(seq) - MIN(seq) + 1, 0) FROM sync_outbox) >= (SELECT max_rows FROM sync_settings WHERE id = 1)
            BEGIN SELECT RAISE(ABORT, '
            """.TrimEnd() + FullMessage + "'); END;\n");
        foreach (var (table, entity) in Tables)
        {
            var secret = table == "credentials";
            sql.Append(Trigger(table, entity, SyncEventTypes.Created, "INSERT", "NEW", secret, Enabled));
            var changed = secret ? "(NEW.document IS NOT OLD.document OR NEW.secret IS NOT OLD.secret)" : "NEW.document IS NOT OLD.document";
            sql.Append(Trigger(table, entity, SyncEventTypes.Updated, "UPDATE", "NEW", secret, $"{Enabled} AND {changed}"));
            sql.Append(Trigger(table, entity, SyncEventTypes.Deleted, "DELETE", "OLD", secret: false, Enabled));
        }

        return sql.ToString();
    }

    private static string Trigger(string table, string entity, string action, string operation, string row, bool secret, string when)
    {
        var deleted = action == SyncEventTypes.Deleted;
        // Created and updated rows carry the time the store stamped (from its TimeProvider); a delete has no row left to stamp.
        var time = deleted ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" : $"{row}.updated_at";
        var data = deleted ? "NULL" : $"{row}.document";
        var organization = deleted ? "NULL" : $"json_extract({row}.document, '$.organizationId')";
        return $"""
            CREATE TRIGGER sync_{table}_{action} AFTER {operation} ON {table}
            WHEN {when}
            BEGIN
                INSERT INTO sync_outbox (event_id, type, source, subject, time, owner, organization_id, data, secret)
                SELECT {NewUuid}, '{SyncEventTypes.Of(entity, action)}', source, {row}.id, {time}, {row}.owner, {organization}, {data}, {(secret ? $"{row}.secret" : "NULL")}
                FROM sync_settings WHERE id = 1;
            END;

            """;
    }
}
