namespace Meshery.Agent.ClusterCache;

public enum CacheChangeKind
{
    /// <summary>A watch event ADDED or MODIFIED: insert or replace.</summary>
    Upsert,

    /// <summary>An object from the <c>informer-store</c> answer: insert or replace unless the cache holds a newer version or saw it deleted.</summary>
    StoreUpsert,

    /// <summary>A watch event DELETED.</summary>
    Delete,

    /// <summary>The store answer of a cluster is complete: remove that cluster's rows it did not name.</summary>
    Sweep,

    /// <summary>No change: completes <see cref="CacheChange.Applied"/> once everything queued before it is written.</summary>
    Barrier,
}
