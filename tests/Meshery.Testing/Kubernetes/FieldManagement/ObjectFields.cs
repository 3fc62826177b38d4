using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>The fields an object sets, and how two versions of an object differ, as <see cref="FieldSet"/>s.</summary>
internal static class ObjectFields
{
    /// <summary>
    /// The fields an apply configuration claims: every scalar, atomic list or map, empty map and list item,
    /// and each item of an associative list together with its fields (so the item itself is owned too).
    /// </summary>
    public static FieldSet Claimed(JsonObject config, FieldSchema schema, out string? error)
    {
        var set = new FieldSet();
        var path = new List<string>();
        error = ClaimObject(config, schema, set, path);
        return set;
    }

    /// <summary>The path element of a list item: <c>k:{...}</c> for associative lists, <c>v:...</c> for sets.</summary>
    public static string? ItemElement(JsonNode? item, FieldSchema list, out string? error)
    {
        error = null;
        if (list.ListType == ListType.Set)
        {
            return "v:" + (item?.ToJsonString() ?? "null");
        }

        if (item is not JsonObject obj)
        {
            error = "associative list with keys has an element that is not a map type";
            return null;
        }

        var key = new JsonObject();
        foreach (var listKey in list.Keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var value = obj[listKey.Name] ?? listKey.Default;
            if (value is null)
            {
                error = $"associative list with keys has an element that omits key field \"{listKey.Name}\" (and doesn't have default value)";
                return null;
            }

            key[listKey.Name] = value.DeepClone();
        }

        return "k:" + key.ToJsonString();
    }

    /// <summary>The items of a set or associative list by path element, in order; null when one has no usable key.</summary>
    public static List<(string Element, JsonNode? Item)>? Index(JsonArray list, FieldSchema schema, out string? error)
    {
        var items = new List<(string, JsonNode?)>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (ItemElement(item, schema, out error) is not { } element)
            {
                return null;
            }

            if (!seen.Add(element))
            {
                error = $"duplicate entries for key {FieldSet.Describe([element])}";
                return null;
            }

            items.Add((element, item));
        }

        error = null;
        return items;
    }

    /// <summary>
    /// What changed from <paramref name="before"/> to <paramref name="after"/>: paths added (with every node below
    /// them), scalars and atomic values modified, and paths removed (with every node below them).
    /// </summary>
    public static (FieldSet Added, FieldSet Modified, FieldSet Removed) Compare(JsonObject before, JsonObject after, FieldSchema schema)
    {
        var diff = new Diff();
        diff.Node(before, after, schema, []);
        return (diff.Added, diff.Modified, diff.Removed);
    }

    /// <summary>Every node of <paramref name="obj"/>, as owned by an update that created it.</summary>
    public static FieldSet All(JsonObject obj, FieldSchema schema) => Compare([], obj, schema).Added;

    private static string? ClaimObject(JsonObject obj, FieldSchema schema, FieldSet set, List<string> path)
    {
        foreach (var (name, value) in obj)
        {
            path.Add("f:" + name);
            var error = ClaimValue(value, schema.Field(name), set, path, schema.EntriesAreMembers);
            path.RemoveAt(path.Count - 1);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ClaimValue(JsonNode? value, FieldSchema schema, FieldSet set, List<string> path, bool member)
    {
        switch (value)
        {
            case JsonObject obj when !schema.AtomicMap && obj.Count > 0:
                if (member)
                {
                    set.Insert(path);
                }

                return ClaimObject(obj, schema, set, path);
            case JsonArray list when schema.ListType != ListType.Atomic:
                if (Index(list, schema, out var error) is not { } items)
                {
                    return $"{FieldSet.Describe(path)}: {error}";
                }

                var itemSchema = schema.Items();
                foreach (var (element, item) in items)
                {
                    path.Add(element);
                    set.Insert(path);
                    error = item is JsonObject fields ? ClaimObject(fields, itemSchema, set, path) : null;
                    path.RemoveAt(path.Count - 1);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            default:
                set.Insert(path);
                return null;
        }
    }

    private sealed class Diff
    {
        public FieldSet Added { get; } = new();

        public FieldSet Modified { get; } = new();

        public FieldSet Removed { get; } = new();

        public void Node(JsonNode? before, JsonNode? after, FieldSchema schema, List<string> path)
        {
            switch (before, after)
            {
                case (JsonObject a, JsonObject b) when !schema.AtomicMap && (a.Count > 0 || b.Count > 0):
                    foreach (var (name, value) in a)
                    {
                        Child(path, "f:" + name, value, b.TryGetPropertyValue(name, out var other), other, schema.Field(name), fromBefore: true);
                    }

                    foreach (var (name, value) in b)
                    {
                        if (!a.ContainsKey(name))
                        {
                            Child(path, "f:" + name, null, false, value, schema.Field(name), fromBefore: false);
                        }
                    }

                    break;
                case (JsonArray a, JsonArray b) when schema.ListType != ListType.Atomic
                    && Index(a, schema, out _) is { } left && Index(b, schema, out _) is { } right:
                    var itemSchema = schema.Items();
                    var rightItems = right.ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal);
                    var leftElements = left.Select(i => i.Element).ToHashSet(StringComparer.Ordinal);
                    foreach (var (element, item) in left)
                    {
                        Child(path, element, item, rightItems.TryGetValue(element, out var other), other, itemSchema, fromBefore: true);
                    }

                    foreach (var (element, item) in right.Where(i => !leftElements.Contains(i.Element)))
                    {
                        Child(path, element, null, false, item, itemSchema, fromBefore: false);
                    }

                    break;
                default:
                    if (!JsonNode.DeepEquals(before, after))
                    {
                        Modified.Insert(path);
                    }

                    break;
            }
        }

        private void Child(List<string> path, string element, JsonNode? before, bool inAfter, JsonNode? after, FieldSchema schema, bool fromBefore)
        {
            path.Add(element);
            if (fromBefore && inAfter)
            {
                Node(before, after, schema, path);
            }
            else
            {
                Everything(fromBefore ? before : after, schema, path, fromBefore ? Removed : Added);
            }

            path.RemoveAt(path.Count - 1);
        }

        private static void Everything(JsonNode? value, FieldSchema schema, List<string> path, FieldSet into)
        {
            into.Insert(path);
            switch (value)
            {
                case JsonObject obj when !schema.AtomicMap:
                    foreach (var (name, child) in obj)
                    {
                        path.Add("f:" + name);
                        Everything(child, schema.Field(name), path, into);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                case JsonArray list when schema.ListType != ListType.Atomic && Index(list, schema, out _) is { } items:
                    var itemSchema = schema.Items();
                    foreach (var (element, item) in items)
                    {
                        path.Add(element);
                        Everything(item, itemSchema, path, into);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
            }
        }
    }
}
