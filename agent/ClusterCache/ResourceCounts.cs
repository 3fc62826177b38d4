namespace Meshery.Agent.ClusterCache;

/// <summary>
/// How many rows the cache holds per cluster, kind and namespace, kept by the single writer beside the
/// table (loaded from it when the writer opens, moved by each committed batch, reloaded after each sweep),
/// so list totals and the summary need no <c>COUNT(*)</c> over the table. Readers see an immutable snapshot
/// published after each commit; until the first load they fall back to SQL.
/// </summary>
public sealed class ResourceCounts
{
    private volatile Dictionary<GroupKey, int>? _snapshot;

    /// <summary>Whether the counts are loaded (the writer has opened the database).</summary>
    public bool Ready => _snapshot is not null;

    /// <summary>Rows matching the filters (null for any), or null while not loaded.</summary>
    public int? Count(string? clusterId, string? kind, string? ns)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return null;
        }

        if (clusterId is not null && kind is not null && ns is not null)
        {
            return snapshot.GetValueOrDefault(new GroupKey(clusterId, kind, ns));
        }

        var total = 0;
        foreach (var (key, n) in snapshot)
        {
            if ((clusterId is null || key.ClusterId == clusterId) && (kind is null || key.Kind == kind) && (ns is null || key.Namespace == ns))
            {
                total += n;
            }
        }

        return total;
    }

    /// <summary>The summary (optionally of one cluster), or null while not loaded.</summary>
    public ResourceSummary? Summary(string? clusterId)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return null;
        }

        var clusters = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (key, n) in snapshot)
        {
            if (n <= 0 || (clusterId is not null && key.ClusterId != clusterId))
            {
                continue;
            }

            if (!clusters.TryGetValue(key.ClusterId, out var kinds))
            {
                kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
                clusters[key.ClusterId] = kinds;
            }

            kinds[key.Kind] = kinds.GetValueOrDefault(key.Kind) + n;
        }

        var list = clusters.Select(c => new ClusterResourceCount(c.Key, c.Value.Values.Sum(), c.Value)).ToList();
        return new ResourceSummary(list.Sum(c => c.TotalCount), list);
    }

    /// <summary>Replaces the counts (the writer, after loading them from the table).</summary>
    internal void Load(Dictionary<GroupKey, int> counts) => _snapshot = new Dictionary<GroupKey, int>(counts);

    /// <summary>Applies a committed batch's changes (the writer only).</summary>
    internal void Apply(Dictionary<GroupKey, int> deltas)
    {
        var current = _snapshot;
        if (current is null || deltas.Count == 0)
        {
            return;
        }

        var next = new Dictionary<GroupKey, int>(current);
        foreach (var (key, delta) in deltas)
        {
            var n = next.GetValueOrDefault(key) + delta;
            if (n > 0)
            {
                next[key] = n;
            }
            else
            {
                next.Remove(key);
            }
        }

        _snapshot = next;
    }

    /// <summary>Forgets the counts (the writer lost its connection); readers use SQL until the next load.</summary>
    internal void Reset() => _snapshot = null;

    internal readonly record struct GroupKey(string ClusterId, string Kind, string Namespace);
}
