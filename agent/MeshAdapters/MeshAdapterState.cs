using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.MeshAdapters;

/// <summary>What the agent last learnt about one adapter.</summary>
public sealed record MeshAdapterState(
    bool Live,
    string? Name,
    IReadOnlyList<string> Versions,
    IReadOnlyList<SupportedOperation> Operations,
    ComponentInfoResponse? Component,
    DateTimeOffset? LastCheckedAt,
    string? Error)
{
    public static MeshAdapterState Unchecked { get; } = new(false, null, [], [], null, null, "not checked yet");
}
