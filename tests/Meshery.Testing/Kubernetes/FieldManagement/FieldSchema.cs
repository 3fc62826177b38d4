using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.FieldManagement;

internal enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>A key field of an associative list and the default it takes when an item omits it.</summary>
internal sealed record ListKey(string Name, JsonNode? Default = null);

/// <summary>
/// How server-side apply treats the value at one path: lists are atomic unless declared a set or an
/// associative list (with keys), maps merge field by field unless declared atomic. Built-in types use the
/// list types of the Kubernetes API their objects need; custom resources read their CRD's
/// <c>x-kubernetes-list-type</c>, <c>x-kubernetes-list-map-keys</c> and <c>x-kubernetes-map-type</c>.
/// </summary>
internal sealed class FieldSchema
{
    private static readonly JsonNode Tcp = JsonValue.Create("TCP");
    private static readonly ImmutableArray<ListKey> ByName = [new("name")];
    private static readonly HashSet<string> ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>Structs and maps the Kubernetes API marks atomic (label selectors, key references, node selectors).</summary>
    private static readonly HashSet<string> AtomicStructs =
        ["selector", "labelSelector", "namespaceSelector", "podSelector", "nodeSelector", "secretKeyRef", "configMapKeyRef", "fieldRef", "resourceFieldRef"];

    private readonly ResourceType _type;
    private readonly ImmutableList<string> _names;
    private readonly JsonObject? _openApi;
    private readonly bool _custom;

    private FieldSchema(ResourceType type, ImmutableList<string> names, JsonObject? openApi, bool custom)
    {
        _type = type;
        _names = names;
        _openApi = openApi;
        _custom = custom;
        (ListType, Keys) = ResolveList();
        AtomicMap = custom && openApi is not null
            ? Meta.Str(openApi, "x-kubernetes-map-type") == "atomic"
            : names.Count > 0 && AtomicStructs.Contains(names[^1]);
        EntriesAreMembers = custom && openApi?["additionalProperties"] is JsonObject && openApi["properties"] is null;
    }

    public ListType ListType { get; }

    public ImmutableArray<ListKey> Keys { get; }

    public bool AtomicMap { get; }

    /// <summary>A map of entries (<c>additionalProperties</c>) rather than a struct: each entry is itself owned.</summary>
    public bool EntriesAreMembers { get; }

    /// <summary>The schema of <paramref name="type"/>; <paramref name="crd"/> is its CustomResourceDefinition, if custom.</summary>
    public static FieldSchema For(ResourceType type, JsonObject? crd)
    {
        var openApi = crd?["spec"]?["versions"] is JsonArray versions
            ? versions.OfType<JsonObject>().FirstOrDefault(v => Meta.Str(v, "name") == type.Version)?["schema"]?["openAPIV3Schema"] as JsonObject
            : null;
        return new FieldSchema(type, [], openApi, type.IsCustom);
    }

    public FieldSchema Field(string name)
    {
        var names = _names.Add(name);
        if (!_custom || (_names.Count == 0 && name == "metadata"))
        {
            return new FieldSchema(_type, names, null, custom: false);
        }

        var props = _openApi?["properties"]?[name] as JsonObject ?? _openApi?["additionalProperties"] as JsonObject;
        return new FieldSchema(_type, names, props, custom: true);
    }

    public FieldSchema Items() =>
        new(_type, _names, _custom ? _openApi?["items"] as JsonObject : null, _custom);

    private (ListType, ImmutableArray<ListKey>) ResolveList()
    {
        if (_custom)
        {
            return Meta.Str(_openApi, "x-kubernetes-list-type") switch
            {
                "set" => (ListType.Set, []),
                "map" when _openApi?["x-kubernetes-list-map-keys"] is JsonArray keys => (ListType.Map,
                    [.. keys.Select(k => k?.ToString()).OfType<string>().Select(k => new ListKey(k, _openApi["items"]?["properties"]?[k]?["default"]?.DeepClone()))]),
                _ => (ListType.Atomic, []),
            };
        }

        return BuiltInList();
    }

    /// <summary>The associative and set lists of the built-in kinds (by field name and where it sits).</summary>
    private (ListType, ImmutableArray<ListKey>) BuiltInList()
    {
        if (_names.Count == 0)
        {
            return (ListType.Atomic, []);
        }

        var name = _names[^1];
        var parent = _names.Count > 1 ? _names[^2] : null;
        if (_names.Count == 2 && parent == "metadata")
        {
            return name switch
            {
                "finalizers" => (ListType.Set, []),
                "ownerReferences" => (ListType.Map, [new("uid")]),
                _ => (ListType.Atomic, []),
            };
        }

        var inContainer = parent is not null && ContainerLists.Contains(parent);
        return name switch
        {
            _ when ContainerLists.Contains(name) => (ListType.Map, ByName),
            "env" when inContainer => (ListType.Map, ByName),
            "ports" when inContainer => (ListType.Map, [new("containerPort"), new("protocol", Tcp)]),
            "ports" when parent == "spec" && _names.Count == 2 && _type is { Group: "", Plural: "services" } => (ListType.Map, [new("port"), new("protocol", Tcp)]),
            "volumeMounts" => (ListType.Map, [new("mountPath")]),
            "volumeDevices" => (ListType.Map, [new("devicePath")]),
            "volumes" when parent == "spec" => (ListType.Map, ByName),
            "imagePullSecrets" => (ListType.Map, ByName),
            "hostAliases" => (ListType.Map, [new("ip")]),
            "topologySpreadConstraints" => (ListType.Map, [new("topologyKey"), new("whenUnsatisfiable")]),
            "conditions" when parent == "status" => (ListType.Map, [new("type")]),
            _ => (ListType.Atomic, []),
        };
    }
}
