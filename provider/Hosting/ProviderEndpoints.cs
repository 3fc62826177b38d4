using Meshery.Provider.Capabilities;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.ServerStatus;
using Meshery.Provider.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using R = Meshery.Provider.Hosting.ProviderRoutes;

namespace Meshery.Provider.Hosting;

/// <summary>
/// The ASP.NET Core host's routes: the same templates (<see cref="ProviderRoutes"/>) and handlers the
/// Functions app binds, public ones anonymous and the rest behind the token scheme.
/// </summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapMesheryProvider(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var open = app.MapGroup("/").AllowAnonymous();
        open.MapGet(R.Healthz, ServerStatusHandlers.Healthz).WithName("Healthz");
        open.MapGet(R.Version, ServerStatusHandlers.GetVersion).WithName("SystemVersion");
        open.MapGet(R.Capabilities, CapabilityHandlers.GetAsync).WithName("GetCapabilities");
        open.MapGet(R.VersionedCapabilities, CapabilityHandlers.GetForBuildAsync).WithName("GetVersionedCapabilities");

        var api = app.MapGroup("/").RequireAuthorization();
        api.MapGet(R.Preferences, PreferenceHandlers.GetAsync).WithName("GetPreferences");
        api.MapPut(R.Preferences, PreferenceHandlers.PutAsync).WithName("PutPreferences");
        api.MapGet(R.Profile, ProfileHandlers.GetCurrentAsync).WithName("GetProfile");
        api.MapGet(R.ProfileById, ProfileHandlers.GetAsync).WithName("GetProfileById");
        api.MapGet(R.Organizations, OrganizationHandlers.ListAsync).WithName("ListOrganizations");
        api.MapGet(R.Organization, OrganizationHandlers.GetAsync).WithName("GetOrganization");

        api.MapGet(R.Environments, EnvironmentHandlers.ListAsync).WithName("ListEnvironments");
        api.MapPost(R.Environments, EnvironmentHandlers.CreateAsync).WithName("CreateEnvironment");
        api.MapGet(R.Environment, EnvironmentHandlers.GetAsync).WithName("GetEnvironment");
        api.MapPut(R.Environment, EnvironmentHandlers.UpdateAsync).WithName("UpdateEnvironment");
        api.MapDelete(R.Environment, EnvironmentHandlers.DeleteAsync).WithName("DeleteEnvironment");
        api.MapGet(R.EnvironmentConnections, EnvironmentHandlers.ListConnectionsAsync).WithName("ListEnvironmentConnections");
        api.MapPost(R.EnvironmentConnection, EnvironmentHandlers.AddConnectionAsync).WithName("AddEnvironmentConnection");
        api.MapDelete(R.EnvironmentConnection, EnvironmentHandlers.RemoveConnectionAsync).WithName("RemoveEnvironmentConnection");

        api.MapGet(R.Workspaces, WorkspaceHandlers.ListAsync).WithName("ListWorkspaces");
        api.MapPost(R.Workspaces, WorkspaceHandlers.CreateAsync).WithName("CreateWorkspace");
        api.MapGet(R.Workspace, WorkspaceHandlers.GetAsync).WithName("GetWorkspace");
        api.MapPut(R.Workspace, WorkspaceHandlers.UpdateAsync).WithName("UpdateWorkspace");
        api.MapDelete(R.Workspace, WorkspaceHandlers.DeleteAsync).WithName("DeleteWorkspace");

        api.MapGet(R.Connections, ConnectionHandlers.ListAsync).WithName("ListConnections");
        api.MapPost(R.Connections, ConnectionHandlers.SaveAsync).WithName("SaveConnection");
        api.MapGet(R.Connection, ConnectionHandlers.GetAsync).WithName("GetConnection");
        api.MapPut(R.Connection, ConnectionHandlers.UpdateAsync).WithName("UpdateConnection");
        api.MapDelete(R.Connection, ConnectionHandlers.DeleteAsync).WithName("DeleteConnection");

        api.MapGet(R.Credentials, CredentialHandlers.ListAsync).WithName("ListCredentials");
        api.MapPost(R.Credentials, CredentialHandlers.CreateAsync).WithName("CreateCredential");
        api.MapPut(R.Credentials, CredentialHandlers.UpdateAsync).WithName("UpdateCredential");
        api.MapDelete(R.Credentials, CredentialHandlers.DeleteAsync).WithName("DeleteCredential");
        api.MapGet(R.Credential, CredentialHandlers.GetAsync).WithName("GetCredential");

        api.MapGet(R.Profiles, PerformanceHandlers.ListProfilesAsync).WithName("ListPerformanceProfiles");
        api.MapPost(R.Profiles, PerformanceHandlers.SaveProfileAsync).WithName("SavePerformanceProfile");
        api.MapGet(R.PerfProfile, PerformanceHandlers.GetProfileAsync).WithName("GetPerformanceProfile");
        api.MapDelete(R.PerfProfile, PerformanceHandlers.DeleteProfileAsync).WithName("DeletePerformanceProfile");
        api.MapGet(R.ProfileResults, PerformanceHandlers.ListProfileResultsAsync).WithName("ListProfileResults");
        api.MapPost(R.ProfileResults, PerformanceHandlers.CreateResultAsync).WithName("CreateProfileResult");
        api.MapGet(R.Results, PerformanceHandlers.ListResultsAsync).WithName("ListResults");
        api.MapGet(R.Result, PerformanceHandlers.GetResultAsync).WithName("GetResult");
        api.MapPut(R.Metrics, PerformanceHandlers.SaveMetricsAsync).WithName("SaveMetrics");

        api.MapGet(R.Patterns, DesignHandlers.ListAsync).WithName("ListDesigns");
        api.MapPost(R.Patterns, DesignHandlers.SaveAsync).WithName("SaveDesign");
        api.MapDelete(R.Patterns, DesignHandlers.DeleteManyAsync).WithName("DeleteDesigns");
        api.MapGet(R.Pattern, DesignHandlers.GetAsync).WithName("GetDesign");
        api.MapDelete(R.Pattern, DesignHandlers.DeleteAsync).WithName("DeleteDesign");
        api.MapPost(R.PatternUpload, DesignHandlers.UploadAsync).WithName("UploadDesign");
        api.MapGet(R.PatternDownload, DesignHandlers.DownloadAsync).WithName("DownloadDesign");

        api.MapPost(R.Events, EventHandlers.CreateAsync).WithName("CreateEvent");
        api.MapDelete(R.Events, EventHandlers.DeleteBulkAsync).WithName("DeleteEvents");
        api.MapGet(R.EventsList, EventHandlers.ListAsync).WithName("ListEvents");
        api.MapGet(R.EventTypes, EventHandlers.ListTypesAsync).WithName("ListEventTypes");
        api.MapPut(R.EventsStatus, EventHandlers.UpdateStatusBulkAsync).WithName("UpdateEventsStatus");
        api.MapPut(R.EventStatus, EventHandlers.UpdateStatusAsync).WithName("UpdateEventStatus");
        api.MapDelete(R.Event, EventHandlers.DeleteAsync).WithName("DeleteEvent");
        return app;
    }

    /// <summary>
    /// Sync ingestion, apart from the contract's routes because it needs the hosted stores themselves (its
    /// dedupe ledger is a table): hosts of the contract over other stores map only <see cref="MapMesheryProvider"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapSyncIngestion(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/").RequireAuthorization().MapPost(R.SyncEvents, SyncHandlers.IngestAsync).WithName("IngestSyncEvents");
        return app;
    }
}
