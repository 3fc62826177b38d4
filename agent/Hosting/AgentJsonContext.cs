using System.Text.Json.Serialization;
using Meshery.Agent.Events;
using Meshery.Agent.ServerStatus;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Designs;

namespace Meshery.Agent.Hosting;

/// <summary>Source-generated type information for the agent's own wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(EventBulkResult))]
[JsonSerializable(typeof(Dictionary<string, CapabilitiesDocument>))]
[JsonSerializable(typeof(Design[]))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourcePage))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourceSummary))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
