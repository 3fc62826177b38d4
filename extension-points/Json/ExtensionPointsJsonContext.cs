using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.ExtensionPoints.Workspaces;

namespace Meshery.ExtensionPoints.Json;

/// <summary>Source-generated type information for every wire type of the contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CapabilitiesDocument))]
[JsonSerializable(typeof(Meshery.ExtensionPoints.Sync.SyncReceipt))]
[JsonSerializable(typeof(MesheryUser))]
[JsonSerializable(typeof(UserPreferences))]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(OrganizationPage))]
[JsonSerializable(typeof(MesheryEnvironment))]
[JsonSerializable(typeof(EnvironmentPayload))]
[JsonSerializable(typeof(EnvironmentPage))]
[JsonSerializable(typeof(Workspace))]
[JsonSerializable(typeof(WorkspacePayload))]
[JsonSerializable(typeof(WorkspacePage))]
[JsonSerializable(typeof(Connection))]
[JsonSerializable(typeof(ConnectionPayload))]
[JsonSerializable(typeof(ConnectionPage))]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(CredentialPayload))]
[JsonSerializable(typeof(CredentialPage))]
[JsonSerializable(typeof(PerformanceProfile))]
[JsonSerializable(typeof(PerformanceProfilePage))]
[JsonSerializable(typeof(PerformanceResult))]
[JsonSerializable(typeof(PerformanceResultPage))]
[JsonSerializable(typeof(Design))]
[JsonSerializable(typeof(DesignPage))]
[JsonSerializable(typeof(DesignSaveRequest))]
[JsonSerializable(typeof(DesignDeleteRequest))]
[JsonSerializable(typeof(MesheryEvent))]
[JsonSerializable(typeof(EventPage))]
[JsonSerializable(typeof(IReadOnlyList<EventType>))]
[JsonSerializable(typeof(EventStatusUpdate))]
[JsonSerializable(typeof(EventIds))]
[JsonSerializable(typeof(EventsFilter))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(Design[]))]
[JsonSerializable(typeof(Serving.EmptyAnswer))]
[JsonSerializable(typeof(Serving.CountAnswer))]
[JsonSerializable(typeof(Serving.IdAnswer))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
public sealed partial class ExtensionPointsJsonContext : JsonSerializerContext;
