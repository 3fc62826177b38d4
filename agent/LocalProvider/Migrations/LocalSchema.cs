using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Outbox;

namespace Meshery.Agent.LocalProvider.Migrations;

/// <summary>
/// The Local provider's schema, as ordered steps. Every entity table keeps the full JSON document
/// (the source of truth) plus the columns its queries filter and sort on; <c>version</c> counts
/// writes and is the entity tag. Never edit a released step: add a new one.
/// </summary>
public static class LocalSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "initial", """
            CREATE TABLE organizations (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE preferences (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE environments (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                organization_id TEXT, description TEXT NOT NULL DEFAULT '',
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_environments_owner ON environments (owner, updated_at);
            CREATE TABLE workspaces (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                organization_id TEXT, description TEXT NOT NULL DEFAULT '',
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_workspaces_owner ON workspaces (owner, updated_at);
            CREATE TABLE credentials (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL DEFAULT '',
                secret BLOB,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_credentials_owner ON credentials (owner, updated_at);
            CREATE TABLE connections (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                kind TEXT NOT NULL, type TEXT NOT NULL, sub_type TEXT NOT NULL, status TEXT NOT NULL,
                credential_id TEXT REFERENCES credentials (id) ON DELETE SET NULL,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_connections_owner ON connections (owner, kind, status);
            CREATE TABLE environment_connections (
                environment_id TEXT NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
                connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                PRIMARY KEY (environment_id, connection_id));
            CREATE INDEX ix_environment_connections_connection ON environment_connections (connection_id);
            CREATE TABLE performance_profiles (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_performance_profiles_owner ON performance_profiles (owner, updated_at);
            CREATE TABLE performance_results (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                profile_id TEXT REFERENCES performance_profiles (id) ON DELETE CASCADE,
                test_start_time TEXT,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_performance_results_owner ON performance_results (owner, profile_id, test_start_time);
            CREATE TABLE designs (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, visibility TEXT NOT NULL,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_designs_owner ON designs (owner, updated_at);
            CREATE TABLE events (
                id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,
                system_id TEXT, category TEXT NOT NULL, action TEXT NOT NULL,
                severity TEXT NOT NULL, status TEXT NOT NULL, acted_upon TEXT,
                document TEXT NOT NULL, version INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_events_owner ON events (owner, created_at);
            """),
        new(2, "seed local organization", SeedOrganization()),
        new(3, "sync outbox", OutboxSchema.Sql()),
        new(4, "sync rejected changes", OutboxSchema.RejectedSql),
    ];

    private static string SeedOrganization()
    {
        var id = LocalUser.OrganizationId;
        var owner = LocalUser.Id;
        const string at = "2024-01-01T00:00:00.0000000Z";
        return $$"""
            INSERT OR IGNORE INTO organizations (id, owner, name, document, version, created_at, updated_at)
            VALUES ('{{id}}', '{{owner}}', 'Local',
                    '{"id":"{{id}}","name":"Local","description":"The organization of offline mode.","owner":"{{owner}}","createdAt":"{{at}}","updatedAt":"{{at}}"}',
                    1, '{{at}}', '{{at}}');
            """;
    }
}
