using System.Text.Json.Serialization.Metadata;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>Each entity's table mapping, in one place beside the schema it mirrors.</summary>
public static class LocalTables
{
    private static readonly ListOrder ByUpdatedDesc = new("updated_at", true);
    private static readonly string[] CommonOrder = ["name", "created_at", "updated_at"];

    public static DocumentTableDefinition<UserPreferences> Preferences { get; } = new(
        "preferences", Info<UserPreferences>(), _ => "preferences", [], CommonOrder, ByUpdatedDesc, []);

    public static DocumentTableDefinition<Organization> Organizations { get; } = new(
        "organizations", Info<Organization>(), o => o.Name, [], CommonOrder, new("name", false), ["name"]);

    public static DocumentTableDefinition<MesheryEnvironment> Environments { get; } = new(
        "environments",
        Info<MesheryEnvironment>(),
        e => e.Name,
        [("organization_id", e => e.OrganizationId?.ToString("D")), ("description", e => e.Description)],
        CommonOrder,
        ByUpdatedDesc,
        ["name", "description"]);

    public static DocumentTableDefinition<Workspace> Workspaces { get; } = new(
        "workspaces",
        Info<Workspace>(),
        w => w.Name,
        [("organization_id", w => w.OrganizationId?.ToString("D")), ("description", w => w.Description)],
        CommonOrder,
        ByUpdatedDesc,
        ["name", "description"]);

    public static DocumentTableDefinition<Connection> Connections { get; } = new(
        "connections",
        Info<Connection>(),
        c => c.Name,
        [
            ("kind", c => c.Kind), ("type", c => c.Type), ("sub_type", c => c.SubType), ("status", c => c.Status),
            ("credential_id", c => c.CredentialId?.ToString("D")),
        ],
        [.. CommonOrder, "kind", "status"],
        ByUpdatedDesc,
        ["name", "kind"]);

    public static DocumentTableDefinition<Credential> Credentials { get; } = new(
        "credentials", Info<Credential>(), c => c.Name, [("type", c => c.Type)], [.. CommonOrder, "type"], ByUpdatedDesc, ["name", "type"]);

    public static DocumentTableDefinition<PerformanceProfile> PerformanceProfiles { get; } = new(
        "performance_profiles", Info<PerformanceProfile>(), p => p.Name, [], CommonOrder, ByUpdatedDesc, ["name"]);

    public static DocumentTableDefinition<PerformanceResult> PerformanceResults { get; } = new(
        "performance_results",
        Info<PerformanceResult>(),
        r => r.Name,
        [
            ("profile_id", r => r.PerformanceProfile?.ToString("D")),
            ("test_start_time", r => r.TestStartTime is { } t ? SqliteTime.Format(t) : null),
        ],
        [.. CommonOrder, "test_start_time"],
        new("test_start_time", true),
        ["name"]);

    public static DocumentTableDefinition<Design> Designs { get; } = new(
        "designs", Info<Design>(), d => d.Name, [("visibility", d => d.Visibility)], CommonOrder, ByUpdatedDesc, ["name"]);

    public static DocumentTableDefinition<MesheryEvent> Events { get; } = new(
        "events",
        Info<MesheryEvent>(),
        e => e.Description,
        [
            ("system_id", e => e.SystemId?.ToString("D")), ("category", e => e.Category), ("action", e => e.Action),
            ("severity", e => e.Severity), ("status", e => e.Status), ("acted_upon", e => e.ActedUpon?.ToString("D")),
        ],
        ["created_at", "updated_at", "severity", "category", "action", "status"],
        new("created_at", true),
        ["name", "category", "action"]);

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)MesheryJson.Options.GetTypeInfo(typeof(T));
}
