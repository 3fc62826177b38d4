using Microsoft.Extensions.Options;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Remembers where pages of a query start: for a (table, partition, filter), the continuation token
/// found at an exact entity offset. A later request for a deep page resumes from the nearest
/// remembered offset instead of scanning from the start. Bounded (least recently used partitions
/// go first), entries expire after <see cref="TableStorageOptions.ContinuationCacheLifetime"/>, and
/// every write through this process to a partition forgets that partition's entries, so offsets
/// stay exact for this instance; another instance's writes are seen when entries expire.
/// </summary>
public sealed class ContinuationCache
{
    /// <summary>Filters remembered per partition.</summary>
    public const int MaxFiltersPerPartition = 32;

    /// <summary>Offsets remembered per filter.</summary>
    public const int MaxOffsetsPerFilter = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, string Partition), LinkedListNode<Partition>> _partitions = [];
    private readonly LinkedList<Partition> _recency = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ContinuationCache(IOptions<TableStorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = options.Value.ContinuationCacheSize;
        _lifetime = options.Value.ContinuationCacheLifetime;
        _time = time;
    }

    /// <summary>How many (table, partition) entries are held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _partitions.Count;
            }
        }
    }

    /// <summary>The largest remembered offset at or before <paramref name="offset"/> and its token; (0, null) means the start.</summary>
    public (int Offset, string? Token) Floor(string table, string partition, string filter, int offset)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_partitions.TryGetValue((table, partition), out var node) || !node.Value.Filters.TryGetValue(filter, out var offsets))
            {
                return (0, null);
            }

            Touch(node);
            var best = (0, (string?)null);
            var keys = offsets.Keys;
            var values = offsets.Values;
            for (var i = 0; i < keys.Count && keys[i] <= offset; i++)
            {
                if (values[i].Expires > now)
                {
                    best = (keys[i], values[i].Token);
                }
            }

            return best;
        }
    }

    /// <summary>Remembers that <paramref name="token"/> resumes the query at entity <paramref name="offset"/>.</summary>
    public void Put(string table, string partition, string filter, int offset, string token)
    {
        if (_capacity == 0 || offset <= 0)
        {
            return;
        }

        var expires = _time.GetUtcNow() + _lifetime;
        lock (_gate)
        {
            if (!_partitions.TryGetValue((table, partition), out var node))
            {
                node = _recency.AddFirst(new Partition(table, partition));
                _partitions[(table, partition)] = node;
                while (_partitions.Count > _capacity)
                {
                    var last = _recency.Last!;
                    _recency.RemoveLast();
                    _partitions.Remove((last.Value.Table, last.Value.Key));
                }
            }
            else
            {
                Touch(node);
            }

            var filters = node.Value.Filters;
            if (!filters.TryGetValue(filter, out var offsets))
            {
                if (filters.Count >= MaxFiltersPerPartition)
                {
                    filters.Clear();
                }

                offsets = [];
                filters[filter] = offsets;
            }

            if (offsets.Count >= MaxOffsetsPerFilter && !offsets.ContainsKey(offset))
            {
                offsets.RemoveAt(offsets.Count - 1);
            }

            offsets[offset] = (token, expires);
        }
    }

    /// <summary>Forgets every position in the partition (its entities changed).</summary>
    public void Invalidate(string table, string partition)
    {
        lock (_gate)
        {
            if (_partitions.Remove((table, partition), out var node))
            {
                _recency.Remove(node);
            }
        }
    }

    private void Touch(LinkedListNode<Partition> node)
    {
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }

    private sealed class Partition(string table, string key)
    {
        public string Table { get; } = table;

        public string Key { get; } = key;

        public Dictionary<string, SortedList<int, (string Token, DateTimeOffset Expires)>> Filters { get; } = new(StringComparer.Ordinal);
    }
}
