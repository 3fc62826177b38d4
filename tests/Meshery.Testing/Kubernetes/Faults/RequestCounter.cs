using System.Collections.Concurrent;

namespace Meshery.Testing.Kubernetes.Faults;

/// <summary>Requests seen per path (query excluded), so tests can assert on traffic such as re-lists.</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string path) => _counts.AddOrUpdate(path, 1, static (_, n) => n + 1);

    public long Get(string path) => _counts.TryGetValue(path, out var n) ? n : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
