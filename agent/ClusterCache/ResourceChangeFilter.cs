namespace Meshery.Agent.ClusterCache;

/// <summary>Which changes a change-stream client wants; null matches anything.</summary>
public sealed record ResourceChangeFilter(string? ClusterId, string? Kind, string? Namespace)
{
    public bool Matches(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (ClusterId is null || change.ClusterId == ClusterId)
            && (Kind is null || change.Kind == Kind)
            && (Namespace is null || change.Namespace == Namespace);
    }
}
