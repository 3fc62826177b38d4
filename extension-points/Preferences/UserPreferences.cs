using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Meshery.ExtensionPoints.Preferences;

/// <summary>
/// A user's preferences. Every member is optional so a partial update names only what changes;
/// members this project does not know are kept as they came.
/// </summary>
public sealed record UserPreferences
{
    public IReadOnlyList<MeshAdapter>? MeshAdapters { get; set; }

    public JsonObject? Grafana { get; set; }

    public JsonObject? Prometheus { get; set; }

    public LoadTestPreferences? LoadTestPrefs { get; set; }

    public bool? AnonymousUsageStats { get; set; }

    public bool? AnonymousPerfResults { get; set; }

    public JsonObject? DashboardPreferences { get; set; }

    public string? SelectedOrganizationId { get; set; }

    public IReadOnlyDictionary<string, string>? SelectedWorkspaceForOrganizations { get; set; }

    public JsonObject? UsersExtensionPreferences { get; set; }

    public JsonObject? RemoteProviderPreferences { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
