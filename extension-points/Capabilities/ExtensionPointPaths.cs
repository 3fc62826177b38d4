namespace Meshery.ExtensionPoints.Capabilities;

/// <summary>
/// Where this project's hosted provider serves each capability (the endpoints its capabilities
/// document advertises), and the paths Meshery fixes for every provider. Other providers may
/// advertise other endpoints; clients read them from the capabilities document.
/// </summary>
public static class ExtensionPointPaths
{
    // Fixed by Meshery for every remote provider.
    public const string Capabilities = "/capabilities";
    public const string VersionedCapabilities = "/{build}/capabilities";
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string Keys = "/keys";
    public const string Introspect = "/introspect";
    public const string Refresh = "/refresh";
    public const string Revoke = "/revoke";
    public const string EventsList = "/api/events/list";
    public const string EventTypes = "/api/events/types";
    public const string EventStatus = "/api/events/{id}/status";
    public const string EventsStatus = "/api/events/status";
    public const string Event = "/api/events/{id}";

    // Advertised endpoints of this project's provider, by feature.
    public const string SyncPrefs = "/user/preferences";
    public const string UsersProfile = "/api/identity/users/profile";
    public const string UsersIdentity = "/api/identity/users";
    public const string Organizations = "/api/identity/orgs";
    public const string Environments = "/api/environments";
    public const string Workspaces = "/api/workspaces";
    public const string PersistConnection = "/api/integrations/connections";
    public const string PersistCredentials = "/api/integrations/credentials";
    public const string PersistPerformanceProfiles = "/api/performance/profiles";
    public const string PersistResults = "/api/performance/results";
    public const string PersistResult = "/result";
    public const string PersistMetrics = "/result/metrics";
    public const string PersistMesheryPatterns = "/api/content/patterns";
    public const string PersistEvents = "/api/events";
    public const string PersistAnonymousUser = "/api/identity/users/anonymous";
}
