namespace Meshery.Provider.Hosting;

/// <summary>
/// Every route template of the provider, without the leading slash so the Functions triggers
/// (whose <c>routePrefix</c> is empty) and the ASP.NET Core host use the very same strings.
/// </summary>
public static class ProviderRoutes
{
    public const string Healthz = "healthz";
    public const string Version = "api/system/version";
    public const string Capabilities = "capabilities";
    public const string VersionedCapabilities = "{build}/capabilities";
    public const string Preferences = "user/preferences";
    public const string Profile = "api/identity/users/profile";
    public const string ProfileById = "api/identity/users/profile/{id}";
    public const string Organizations = "api/identity/orgs";
    public const string Organization = "api/identity/orgs/{id}";
    public const string Environments = "api/environments";
    public const string Environment = "api/environments/{id}";
    public const string EnvironmentConnections = "api/environments/{environmentId}/connections";
    public const string EnvironmentConnection = "api/environments/{environmentId}/connections/{connectionId}";
    public const string Workspaces = "api/workspaces";
    public const string Workspace = "api/workspaces/{id}";
    public const string Connections = "api/integrations/connections";
    public const string Connection = "api/integrations/connections/{id}";
    public const string Credentials = "api/integrations/credentials";
    public const string Credential = "api/integrations/credentials/{id}";
    public const string Profiles = "api/performance/profiles";
    public const string PerfProfile = "api/performance/profiles/{id}";
    public const string ProfileResults = "api/performance/profiles/{profileId}/results";
    public const string Results = "api/performance/results";
    public const string Result = "result/{resultId}";
    public const string Metrics = "result/metrics";
    public const string Patterns = "api/content/patterns";
    public const string Pattern = "api/content/patterns/{id}";
    public const string PatternUpload = "api/content/patterns/upload/{id}";
    public const string PatternDownload = "api/content/patterns/download/{id}";
    public const string Events = "api/events";
    public const string EventsList = "api/events/list";
    public const string EventTypes = "api/events/types";
    public const string EventsStatus = "api/events/status";
    public const string Event = "api/events/{id}";
    public const string EventStatus = "api/events/{id}/status";
    public const string SyncEvents = "api/sync/events";
}
