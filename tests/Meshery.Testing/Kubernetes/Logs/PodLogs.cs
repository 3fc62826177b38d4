using System.Collections.Concurrent;

namespace Meshery.Testing.Kubernetes.Logs;

/// <summary>Pod logs by namespace, pod and container (the empty container name is the pod's default log).</summary>
internal sealed class PodLogs
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, string Container), PodLog> _logs = new();

    public PodLog For(string ns, string pod, string? container) =>
        _logs.GetOrAdd((ns, pod, container ?? string.Empty), static _ => new PodLog());

    /// <summary>The container's log, else the pod's default log, else a new empty default log.</summary>
    public PodLog Find(string ns, string pod, string? container) =>
        container is not null && _logs.TryGetValue((ns, pod, container), out var log) ? log : For(ns, pod, null);

    public void Remove(string ns, string pod) => RemoveWhere(k => k.Namespace == ns && k.Pod == pod);

    public void RemoveNamespace(string ns) => RemoveWhere(k => k.Namespace == ns);

    private void RemoveWhere(Func<(string Namespace, string Pod, string Container), bool> predicate)
    {
        foreach (var key in _logs.Keys.Where(predicate).ToList())
        {
            if (_logs.TryRemove(key, out var log))
            {
                log.End();
            }
        }
    }
}
