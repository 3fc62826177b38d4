namespace Meshery.Provider.Storage.Tables;

/// <summary>The tables of the hosted stores (each name is prefixed with <see cref="TableStorageOptions.TablePrefix"/>).</summary>
public static class TableNames
{
    /// <summary>Profiles (RowKey <c>profile</c>) and preferences (RowKey <c>preferences</c>), one partition per user.</summary>
    public const string Users = "users";
    public const string Organizations = "organizations";
    public const string Environments = "environments";

    /// <summary>Environment-connection mappings, written in both directions in one partition.</summary>
    public const string EnvironmentConnections = "environmentconnections";
    public const string Workspaces = "workspaces";
    public const string Connections = "connections";
    public const string Credentials = "credentials";
    public const string PerformanceProfiles = "performanceprofiles";
    public const string PerformanceResults = "performanceresults";
    public const string Designs = "designs";
    public const string Events = "events";

    /// <summary>Sync events already applied (one row per source and id, in the caller's partition), for replay dedupe.</summary>
    public const string SyncEvents = "syncevents";

    /// <summary>Every table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Users, Organizations, Environments, EnvironmentConnections, Workspaces, Connections, Credentials,
        PerformanceProfiles, PerformanceResults, Designs, Events, SyncEvents,
    ];

    /// <summary>Tables holding documents, each with a blob container of the same name for large ones.</summary>
    public static IReadOnlyList<string> WithDocuments { get; } = [.. All.Where(t => t is not (EnvironmentConnections or SyncEvents))];
}
