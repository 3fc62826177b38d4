using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// Source-generated JSON for every MeshSync wire type. Names come from <c>[JsonPropertyName]</c>; optional
/// members are left out when null, as upstream's <c>omitempty</c> does. Reading is case-insensitive, as Go's
/// decoder is.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KubernetesResource))]
[JsonSerializable(typeof(MeshSyncMessage<KubernetesResource>))]
[JsonSerializable(typeof(MeshSyncMessage<IReadOnlyList<KubernetesResource>>))]
[JsonSerializable(typeof(MeshSyncMessage<List<KubernetesResource>>))]
[JsonSerializable(typeof(MeshSyncMessage<LogObject>))]
[JsonSerializable(typeof(MeshSyncMessage<string>))]
[JsonSerializable(typeof(MeshSyncMessage<JsonElement?>))]
[JsonSerializable(typeof(MeshSyncRequest))]
[JsonSerializable(typeof(InformerStoreRequest))]
[JsonSerializable(typeof(LogStreamRequest))]
[JsonSerializable(typeof(Dictionary<string, LogStreamRequest>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<Configuration.WhitelistEntry>))]
public sealed partial class MeshSyncJsonContext : JsonSerializerContext;
