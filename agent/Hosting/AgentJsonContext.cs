using System.Text.Json.Serialization;
using Meshery.Agent.ServerStatus;
using Meshery.ExtensionPoints.Capabilities;

namespace Meshery.Agent.Hosting;

/// <summary>Source-generated type information for the agent's own wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Meshery.Agent.Sync.SyncStatusReport))]
[JsonSerializable(typeof(List<Meshery.Agent.Sync.RejectedChange>))]
[JsonSerializable(typeof(Meshery.Agent.RemoteProvider.SignIn.TokenAnswer))]
[JsonSerializable(typeof(Dictionary<string, CapabilitiesDocument>))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourcePage))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourceSummary))]
[JsonSerializable(typeof(List<Meshery.Agent.MeshAdapters.AdapterSummary>))]
[JsonSerializable(typeof(Meshery.Agent.MeshAdapters.OperationAccepted))]
[JsonSerializable(typeof(Meshery.Agent.Registry.RegistrantData))]
[JsonSerializable(typeof(Meshery.Agent.Registry.ComponentRegistered))]
[JsonSerializable(typeof(Meshery.Agent.Registry.RegistrantPage))]
[JsonSerializable(typeof(List<Meshery.Agent.Telemetry.Boards.GrafanaBoard>))]
[JsonSerializable(typeof(Dictionary<string, Meshery.Agent.Telemetry.Boards.GrafanaBoard>))]
[JsonSerializable(typeof(Meshery.Agent.Performance.PerformanceRunEvent))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
