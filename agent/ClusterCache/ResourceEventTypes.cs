namespace Meshery.Agent.ClusterCache;

/// <summary>The watch event types the cache applies and streams.</summary>
public static class ResourceEventTypes
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
