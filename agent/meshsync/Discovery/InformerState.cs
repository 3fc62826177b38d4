namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>Where a kind's informer is.</summary>
public enum InformerState
{
    Pending,
    Listing,
    Watching,
    Forbidden,
    NotFound,
    Failing,
    Stopped,
}
