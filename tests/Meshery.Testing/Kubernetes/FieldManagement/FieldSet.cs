using System.Text;
using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>
/// A set of field paths as a trie keyed by <c>FieldsV1</c> path elements (<c>f:name</c>, <c>k:{"name":"x"}</c>,
/// <c>v:"a"</c>, <c>i:0</c>). A node is a member when the path to it is in the set (<c>.</c> in FieldsV1);
/// other nodes only lead to members. Empty nodes are never kept, so structural equality is set equality.
/// </summary>
internal sealed class FieldSet
{
    private SortedDictionary<string, FieldSet>? _children;

    public bool IsMember { get; private set; }

    public bool IsEmpty => !IsMember && (_children is null || _children.Count == 0);

    public bool HasChildren => _children is { Count: > 0 };

    public IEnumerable<KeyValuePair<string, FieldSet>> Children =>
        _children ?? Enumerable.Empty<KeyValuePair<string, FieldSet>>();

    public FieldSet? Child(string element) =>
        _children is not null && _children.TryGetValue(element, out var child) ? child : null;

    /// <summary>Adds the path made of <paramref name="elements"/> as a member.</summary>
    public void Insert(IEnumerable<string> elements)
    {
        var node = this;
        foreach (var element in elements)
        {
            node = node.ChildOrAdd(element);
        }

        node.IsMember = true;
    }

    public FieldSet Union(FieldSet other)
    {
        var result = Clone();
        result.UnionWith(other);
        return result;
    }

    public void UnionWith(FieldSet other)
    {
        IsMember |= other.IsMember;
        foreach (var (element, child) in other.Children)
        {
            ChildOrAdd(element).UnionWith(child);
        }
    }

    public FieldSet Intersection(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && other.IsMember };
        foreach (var (element, child) in Children)
        {
            if (other.Child(element) is { } theirs && child.Intersection(theirs) is { IsEmpty: false } both)
            {
                result.ChildOrAdd(element).UnionWith(both);
            }
        }

        return result;
    }

    public FieldSet Difference(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && !other.IsMember };
        foreach (var (element, child) in Children)
        {
            var left = other.Child(element) is { } theirs ? child.Difference(theirs) : child.Clone();
            if (!left.IsEmpty)
            {
                result.ChildOrAdd(element).UnionWith(left);
            }
        }

        return result;
    }

    /// <summary>This set without everything at or below each member of <paramref name="prefixes"/>.</summary>
    public FieldSet ExceptUnder(FieldSet prefixes)
    {
        var result = new FieldSet();
        if (prefixes.IsMember)
        {
            return result;
        }

        result.IsMember = IsMember;
        foreach (var (element, child) in Children)
        {
            var left = prefixes.Child(element) is { } prefix ? child.ExceptUnder(prefix) : child;
            if (!left.IsEmpty)
            {
                result.ChildOrAdd(element).UnionWith(left);
            }
        }

        return result;
    }

    /// <summary>A set holding one path per argument, each given as its FieldsV1 elements.</summary>
    public static FieldSet Of(params string[][] paths)
    {
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path);
        }

        return set;
    }

    /// <summary>Only the subtree at <paramref name="element"/>, still rooted here.</summary>
    public FieldSet Only(string element)
    {
        var result = new FieldSet();
        if (Child(element) is { } child)
        {
            result.ChildOrAdd(element).UnionWith(child);
        }

        return result;
    }

    /// <summary>Every member path, in FieldsV1 element form, depth first in sorted order.</summary>
    public IEnumerable<IReadOnlyList<string>> Members()
    {
        var path = new List<string>();
        return Walk(this, path);

        static IEnumerable<IReadOnlyList<string>> Walk(FieldSet node, List<string> path)
        {
            if (node.IsMember)
            {
                yield return [.. path];
            }

            foreach (var (element, child) in node.Children)
            {
                path.Add(element);
                foreach (var member in Walk(child, path))
                {
                    yield return member;
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }

    public bool SetEquals(FieldSet other) => Difference(other).IsEmpty && other.Difference(this).IsEmpty;

    /// <summary>The <c>fieldsV1</c> object: members with children carry <c>".": {}</c>, leaves are <c>{}</c>.</summary>
    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        if (IsMember && HasChildren)
        {
            json["."] = new JsonObject();
        }

        foreach (var (element, child) in Children)
        {
            json[element] = child.ToFieldsV1();
        }

        return json;
    }

    public static FieldSet FromFieldsV1(JsonObject? fields)
    {
        var set = new FieldSet();
        if (fields is null)
        {
            return set;
        }

        foreach (var (element, value) in fields)
        {
            if (element == ".")
            {
                set.IsMember = true;
                continue;
            }

            var child = FromFieldsV1(value as JsonObject);
            if (value is not JsonObject { Count: > 0 })
            {
                child.IsMember = true;
            }

            set.ChildOrAdd(element).UnionWith(child);
        }

        return set;
    }

    /// <summary>
    /// The path as the API server prints it in conflicts: <c>.spec.containers[name="app"].image</c>,
    /// <c>.metadata.finalizers[="x"]</c>, <c>.items[0]</c>.
    /// </summary>
    public static string Describe(IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (var element in path)
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    text.Append('.').Append(body);
                    break;
                case 'k':
                    var keys = (JsonObject)JsonNode.Parse(body)!;
                    text.Append('[').AppendJoin(',', keys.Select(k => $"{k.Key}={k.Value?.ToJsonString() ?? "null"}")).Append(']');
                    break;
                case 'v':
                    text.Append("[=").Append(body).Append(']');
                    break;
                default:
                    text.Append('[').Append(body).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    private FieldSet ChildOrAdd(string element)
    {
        _children ??= new SortedDictionary<string, FieldSet>(StringComparer.Ordinal);
        if (!_children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            _children[element] = child;
        }

        return child;
    }

    private FieldSet Clone()
    {
        var copy = new FieldSet { IsMember = IsMember };
        foreach (var (element, child) in Children)
        {
            copy.ChildOrAdd(element).UnionWith(child);
        }

        return copy;
    }
}
