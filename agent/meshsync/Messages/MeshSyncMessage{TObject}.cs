using System.Text.Json.Serialization;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// The broker envelope (meshkit's <c>broker.Message</c>, an untagged Go struct, hence PascalCase keys):
/// <c>{"ObjectType":..,"EventType":..,"Request":..,"Object":..}</c>. All four keys are always written.
/// </summary>
/// <typeparam name="TObject">
/// <see cref="KubernetesResource"/> on <see cref="MeshSyncSubjects.Core"/>, a list of them in store batches,
/// <see cref="LogObject"/> on the log subject, a string for meshsync-meta, <c>JsonElement</c> when unknown.
/// </typeparam>
public sealed record MeshSyncMessage<TObject>
{
    [JsonPropertyName("ObjectType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string ObjectType { get; init; } = string.Empty;

    [JsonPropertyName("EventType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string EventType { get; init; } = string.Empty;

    [JsonPropertyName("Request")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public MeshSyncRequest? Request { get; init; }

    [JsonPropertyName("Object")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TObject? Object { get; init; }
}
