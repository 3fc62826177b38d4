using System.Text.Json.Serialization.Metadata;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Each document's table mapping in one place: the columns kept beside the JSON (what lists filter,
/// sort and search on, mirroring the Local provider's SQL columns) and the search columns.
/// </summary>
public static class TableDefinitions
{
    public static DocumentTableDefinition<UserPreferences> Preferences { get; } = new(
        TableNames.Users, "Preferences", Info<UserPreferences>(), [Updated<UserPreferences>(p => p.UpdatedAt)], []);

    public static DocumentTableDefinition<MesheryUser> Users { get; } = new(
        TableNames.Users,
        "User",
        Info<MesheryUser>(),
        [new("Email", null, u => u.Email), Created<MesheryUser>(u => u.CreatedAt), Updated<MesheryUser>(u => u.UpdatedAt)],
        []);

    public static DocumentTableDefinition<Organization> Organizations { get; } = new(
        TableNames.Organizations,
        "Organization",
        Info<Organization>(),
        [Name<Organization>(o => o.Name), Created<Organization>(o => o.CreatedAt), Updated<Organization>(o => o.UpdatedAt)],
        ["Name"]);

    public static DocumentTableDefinition<MesheryEnvironment> Environments { get; } = new(
        TableNames.Environments,
        "Environment",
        Info<MesheryEnvironment>(),
        [
            Name<MesheryEnvironment>(e => e.Name), new("Description", null, e => e.Description),
            new("OrganizationId", null, e => e.OrganizationId?.ToString("D")),
            Created<MesheryEnvironment>(e => e.CreatedAt), Updated<MesheryEnvironment>(e => e.UpdatedAt),
        ],
        ["Name", "Description"]) { KeepsCount = true, CountsBy = "OrganizationId" };

    public static DocumentTableDefinition<Workspace> Workspaces { get; } = new(
        TableNames.Workspaces,
        "Workspace",
        Info<Workspace>(),
        [
            Name<Workspace>(w => w.Name), new("Description", null, w => w.Description),
            new("OrganizationId", null, w => w.OrganizationId?.ToString("D")),
            Created<Workspace>(w => w.CreatedAt), Updated<Workspace>(w => w.UpdatedAt),
        ],
        ["Name", "Description"]) { KeepsCount = true, CountsBy = "OrganizationId" };

    public static DocumentTableDefinition<Connection> Connections { get; } = new(
        TableNames.Connections,
        "Connection",
        Info<Connection>(),
        [
            Name<Connection>(c => c.Name), new("Kind", "kind", c => c.Kind), new("Type", null, c => c.Type),
            new("SubType", null, c => c.SubType), new("Status", "status", c => c.Status),
            new("CredentialId", null, c => c.CredentialId?.ToString("D")),
            Created<Connection>(c => c.CreatedAt), Updated<Connection>(c => c.UpdatedAt),
        ],
        ["Name", "Kind"]);

    public static DocumentTableDefinition<Credential> Credentials { get; } = new(
        TableNames.Credentials,
        "Credential",
        Info<Credential>(),
        [
            Name<Credential>(c => c.Name), new("Type", "type", c => c.Type),
            Created<Credential>(c => c.CreatedAt), Updated<Credential>(c => c.UpdatedAt),
        ],
        ["Name", "Type"]);

    public static DocumentTableDefinition<PerformanceProfile> PerformanceProfiles { get; } = new(
        TableNames.PerformanceProfiles,
        "Performance profile",
        Info<PerformanceProfile>(),
        [Name<PerformanceProfile>(p => p.Name), Created<PerformanceProfile>(p => p.CreatedAt), Updated<PerformanceProfile>(p => p.UpdatedAt)],
        ["Name"]);

    public static DocumentTableDefinition<PerformanceResult> PerformanceResults { get; } = new(
        TableNames.PerformanceResults,
        "Performance result",
        Info<PerformanceResult>(),
        [
            Name<PerformanceResult>(r => r.Name), new("ResultId", null, r => r.MesheryId.ToString("D")),
            new("ProfileId", null, r => r.PerformanceProfile?.ToString("D")),
            new("TestStartTime", "test_start_time", r => TableTime.Format(r.TestStartTime)),
            Created<PerformanceResult>(r => r.CreatedAt), Updated<PerformanceResult>(r => r.UpdatedAt),
        ],
        ["Name"]);

    public static DocumentTableDefinition<Design> Designs { get; } = new(
        TableNames.Designs,
        "Design",
        Info<Design>(),
        [
            Name<Design>(d => d.Name), new("Visibility", null, d => d.Visibility),
            Created<Design>(d => d.CreatedAt), Updated<Design>(d => d.UpdatedAt),
        ],
        ["Name"]);

    public static DocumentTableDefinition<MesheryEvent> Events { get; } = new(
        TableNames.Events,
        "Event",
        Info<MesheryEvent>(),
        [
            new("EventId", null, e => e.Id.ToString("D")), new("Description", null, e => e.Description),
            new("Category", "category", e => e.Category), new("Action", "action", e => e.Action),
            new("Severity", "severity", e => e.Severity), new("Status", "status", e => e.Status),
            new("ActedUpon", null, e => e.ActedUpon?.ToString("D")), new("SystemId", null, e => e.SystemId?.ToString("D")),
            Created<MesheryEvent>(e => e.CreatedAt), Updated<MesheryEvent>(e => e.UpdatedAt),
        ],
        ["Description", "Category", "Action"]);

    private static TableColumn<T> Name<T>(Func<T, string?> value) => new("Name", "name", value);

    private static TableColumn<T> Created<T>(Func<T, DateTimeOffset?> value) => new("CreatedAt", "created_at", d => TableTime.Format(value(d)));

    private static TableColumn<T> Updated<T>(Func<T, DateTimeOffset?> value) => new("UpdatedAt", "updated_at", d => TableTime.Format(value(d)));

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)MesheryJson.Options.GetTypeInfo(typeof(T));
}
