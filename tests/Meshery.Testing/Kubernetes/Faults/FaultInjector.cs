using System.Collections.Concurrent;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Http;

namespace Meshery.Testing.Kubernetes.Faults;

/// <summary>Verbs a test has forbidden per resource (<c>pods</c>, <c>deployments.apps</c>); empty means every verb.</summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _forbidden = new(StringComparer.Ordinal);

    public void Forbid(string groupResource, IEnumerable<string> verbs) =>
        _forbidden[groupResource] = new HashSet<string>(verbs, StringComparer.Ordinal);

    public void Allow(string groupResource) => _forbidden.TryRemove(groupResource, out _);

    public void Clear() => _forbidden.Clear();

    public KubeStatus? Check(ResourceType type, string verb, string? ns) =>
        _forbidden.TryGetValue(type.GroupResource, out var verbs) && (verbs.Count == 0 || verbs.Contains(verb))
            ? KubeStatus.Forbidden(type, verb, ns)
            : null;
}
