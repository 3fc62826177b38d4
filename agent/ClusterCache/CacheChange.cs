namespace Meshery.Agent.ClusterCache;

/// <summary>One instruction for the cache's single writer.</summary>
public sealed record CacheChange(CacheChangeKind Kind, string ClusterId, string Id, ResourceRow? Row, long Generation, string EventType)
{
    /// <summary>When the subscriber received it (for latency figures).</summary>
    public long ReceivedTimestamp { get; init; }

    /// <summary>For <see cref="CacheChangeKind.Barrier"/>: completed after the batch holding it commits.</summary>
    public TaskCompletionSource? Applied { get; init; }

    public static CacheChange Upsert(ResourceRow row, long generation, string eventType) =>
        new(CacheChangeKind.Upsert, row.ClusterId, row.Id, row, generation, eventType);

    public static CacheChange FromStore(ResourceRow row, long generation) =>
        new(CacheChangeKind.StoreUpsert, row.ClusterId, row.Id, row, generation, ResourceEventTypes.Added);

    public static CacheChange Delete(ResourceRow row, long generation) =>
        new(CacheChangeKind.Delete, row.ClusterId, row.Id, row, generation, ResourceEventTypes.Deleted);

    public static CacheChange Barrier() =>
        new(CacheChangeKind.Barrier, "", "", null, 0, "") { Applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

    public static CacheChange Sweep(string clusterId, long generation) =>
        new(CacheChangeKind.Sweep, clusterId, "", null, generation, ResourceEventTypes.Deleted);
}
