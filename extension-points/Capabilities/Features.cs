namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>Every feature name of the Extension Points, spelled as Meshery matches them.</summary>
public static class Features
{
    public const string SyncPrefs = "sync-prefs";
    public const string PersistResults = "persist-results";
    public const string PersistResult = "persist-result";
    public const string PersistSmiResults = "persist-smi-results";
    public const string PersistMetrics = "persist-metrics";
    public const string PersistEvents = "persist-events";
    public const string GetEvents = "get-events";
    public const string EventsSummary = "events-summary";
    public const string PersistSmpTestProfile = "persist-smp-test-profile";
    public const string PersistMesheryPatterns = "persist-meshery-patterns";
    public const string PersistMesheryPatternResources = "persist-meshery-pattern-resources";
    public const string PersistMesheryFilters = "persist-meshery-filters";
    public const string PersistMesheryApplications = "persist-meshery-applications";
    public const string PersistPerformanceProfiles = "persist-performance-profiles";
    public const string PersistSchedules = "persist-schedules";
    public const string MesheryPatternsCatalog = "meshery-patterns-catalog";
    public const string MesheryFiltersCatalog = "meshery-filters-catalog";
    public const string CloneMesheryPatterns = "clone-meshery-patterns";
    public const string CloneMesheryFilters = "clone-meshery-filters";
    public const string ShareDesigns = "share-designs";
    public const string ShareFilters = "share-filters";
    public const string PersistConnection = "persist-connection";
    public const string PersistCredentials = "persist-credentials";
    public const string UsersProfile = "users-profile";
    public const string UsersIdentity = "users-identity";
    public const string UsersKeys = "users-keys";
    public const string Organizations = "organizations";
    public const string Environments = "environments";
    public const string Workspaces = "workspaces";
    public const string PersistAnonymousUser = "persist-anonymous-user";

    /// <summary>All names, in the order the contract lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SyncPrefs, PersistResults, PersistResult, PersistSmiResults, PersistMetrics, PersistEvents,
        GetEvents, EventsSummary, PersistSmpTestProfile, PersistMesheryPatterns,
        PersistMesheryPatternResources, PersistMesheryFilters, PersistMesheryApplications,
        PersistPerformanceProfiles, PersistSchedules, MesheryPatternsCatalog, MesheryFiltersCatalog,
        CloneMesheryPatterns, CloneMesheryFilters, ShareDesigns, ShareFilters, PersistConnection,
        PersistCredentials, UsersProfile, UsersIdentity, UsersKeys, Organizations, Environments,
        Workspaces, PersistAnonymousUser,
    ];
}
