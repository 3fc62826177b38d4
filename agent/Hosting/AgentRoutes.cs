namespace Meshery.Agent.Hosting;

/// <summary>
/// Meshery server's route templates that the agent serves with the contract's shared handlers.
/// Kept as constants, as the provider keeps its own, so each template is written once.
/// </summary>
public static class AgentRoutes
{
    public const string Id = "/{id}";
    public const string Root = "";
    public const string EnvironmentConnections = "/{environmentId}/connections";
    public const string EnvironmentConnection = "/{environmentId}/connections/{connectionId}";
    public const string ProfileResults = "/{profileId}/results";
    public const string ProfileRun = "/{id}/run";
    public const string Results = "/results";
    public const string Result = "/api/perf/profile/result/{resultId}";
    public const string Prefs = "/prefs";
    public const string Download = "/download/{id}";
    public const string Types = "/types";
    public const string StatusBulk = "/status/bulk";
    public const string Status = "/status/{id}";
    public const string Bulk = "/bulk";
    public const string Adapters = "/adapters";
    public const string AdapterOperation = "/adapter/operation";
    public const string ComponentsRegister = "/api/meshmodel/components/register";
    public const string RegistryComponents = "/api/registry/components";
    public const string MeshmodelsComponents = "/api/meshmodels/components";
    public const string RegistryRegistrants = "/api/registry/registrants";
    public const string MeshmodelsRegistrants = "/api/meshmodels/registrants";
}
