using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>A listable, watchable resource the API server serves: its key, kind and scope.</summary>
public sealed record ResourceType(ResourceKey Key, string Kind, bool Namespaced)
{
    public string ApiVersion => Key.ApiVersion;

    public override string ToString() => Key.ToString();
}
