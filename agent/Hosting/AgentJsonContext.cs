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
[JsonSerializable(typeof(Meshery.Agent.RemoteProvider.SignIn.TokenAnswer))]
[JsonSerializable(typeof(Dictionary<string, CapabilitiesDocument>))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourcePage))]
[JsonSerializable(typeof(Meshery.Agent.ClusterCache.ResourceSummary))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
