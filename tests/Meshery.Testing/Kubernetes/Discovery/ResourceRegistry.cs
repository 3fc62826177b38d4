using System.Collections.Immutable;

namespace Meshery.Testing.Kubernetes.Discovery;

/// <summary>
/// The served resources. Reads are lock-free over an immutable snapshot; CRDs replace the snapshot.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private volatile ImmutableList<ResourceType> _types;

    public ResourceRegistry(IEnumerable<ResourceType> builtIns) => _types = [.. builtIns];

    public IReadOnlyList<ResourceType> All => _types;

    public ResourceType? Find(string group, string version, string plural)
    {
        foreach (var type in _types)
        {
            if (type.Plural == plural && type.Version == version && type.Group == group)
            {
                return type;
            }
        }

        return null;
    }

    public ResourceType? FindByKind(string apiVersion, string kind)
    {
        foreach (var type in _types)
        {
            if (type.Kind == kind && type.ApiVersion == apiVersion)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Finds a type by <c>plural</c> or <c>plural.group</c> in any served version.</summary>
    public ResourceType? FindByGroupResource(string groupResource) =>
        _types.FirstOrDefault(t => t.GroupResource == groupResource);

    /// <summary>Groups in registration order, each with its versions (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var group in _types.Select(t => t.Group).Distinct())
        {
            var versions = _types.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
            result.Add((group, versions));
        }

        return result;
    }

    /// <summary>Serves the types of one CRD, replacing whatever it served before.</summary>
    public void ReplaceCustom(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _types = _types.RemoveAll(t => t.CrdName == crdName).AddRange(types);
        }
    }

    public IReadOnlyList<ResourceType> RemoveCustom(string crdName)
    {
        lock (_gate)
        {
            var removed = _types.Where(t => t.CrdName == crdName).ToList();
            _types = _types.RemoveAll(t => t.CrdName == crdName);
            return removed;
        }
    }
}
