namespace Meshery.Agent.ClusterCache;

/// <summary>A change the cache has committed, as the change stream sends it.</summary>
public sealed record ResourceChange(
    string EventType,
    string ClusterId,
    string Id,
    string Kind,
    string ApiVersion,
    string Namespace,
    string Name,
    string ResourceVersion,
    byte[]? Object,
    long ReceivedTimestamp);
