using System.Text.Json.Nodes;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>
/// How an apply configuration lands on the live object: maps merge field by field, associative lists and
/// sets merge item by item (live-only items keep their place, applied items take the applied order), and
/// atomic values are replaced. Then fields the applier set last time and dropped now are pruned unless
/// someone still owns them.
/// </summary>
internal static class ApplyMerge
{
    public static void Merge(JsonObject live, JsonObject config, FieldSchema schema)
    {
        foreach (var (name, value) in config)
        {
            var field = schema.Field(name);
            switch (value)
            {
                case null:
                    live.Remove(name);
                    break;
                case JsonObject patch when !field.AtomicMap:
                    if (live[name] is not JsonObject target)
                    {
                        target = [];
                        live[name] = target;
                    }

                    Merge(target, patch, field);
                    break;
                case JsonArray items when field.ListType != ListType.Atomic && live[name] is JsonArray current:
                    live[name] = MergeList(current, items, field);
                    break;
                default:
                    live[name] = value.DeepClone();
                    break;
            }
        }
    }

    /// <summary>
    /// Removes what <paramref name="lastApplied"/> held and nobody (the applier's new configuration included)
    /// owns any more: a field or list item whole, a map only once pruning left it empty (so system metadata
    /// and fields nobody ever owned stay).
    /// </summary>
    public static void Prune(JsonObject obj, FieldSet lastApplied, FieldSet? owned, FieldSchema schema)
    {
        foreach (var (element, last) in lastApplied.Children)
        {
            var name = element[2..];
            if (element[0] != 'f' || !obj.ContainsKey(name))
            {
                continue;
            }

            var stillOwned = owned?.Child(element);
            if (last.IsMember && stillOwned is null)
            {
                obj.Remove(name);
            }
            else if (last.HasChildren)
            {
                PruneValue(obj[name], last, stillOwned, schema.Field(name));
                if (stillOwned is null && obj[name] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
                {
                    obj.Remove(name);
                }
            }
        }
    }

    private static void PruneValue(JsonNode? value, FieldSet lastApplied, FieldSet? owned, FieldSchema schema)
    {
        if (value is JsonObject obj && !schema.AtomicMap)
        {
            Prune(obj, lastApplied, owned, schema);
            return;
        }

        if (value is not JsonArray list || schema.ListType == ListType.Atomic)
        {
            return;
        }

        var itemSchema = schema.Items();
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (ObjectFields.ItemElement(list[i], schema, out _) is not { } element || lastApplied.Child(element) is not { } last)
            {
                continue;
            }

            var stillOwned = owned?.Child(element);
            if (last.IsMember && stillOwned is null)
            {
                list.RemoveAt(i);
            }
            else if (last.HasChildren && list[i] is JsonObject item)
            {
                Prune(item, last, stillOwned, itemSchema);
            }
        }
    }

    /// <summary>
    /// Walks both lists at once: live-only items are kept where they are, items only applied go where the
    /// configuration puts them, and items in both follow the configuration's order, merged.
    /// </summary>
    private static JsonArray MergeList(JsonArray live, JsonArray applied, FieldSchema schema)
    {
        var liveItems = ObjectFields.Index(live, schema, out _);
        var appliedItems = ObjectFields.Index(applied, schema, out _);
        if (liveItems is null || appliedItems is null)
        {
            return (JsonArray)applied.DeepClone();
        }

        var liveByElement = liveItems.ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal);
        var appliedElements = appliedItems.Select(i => i.Element).ToHashSet(StringComparer.Ordinal);
        var sharedOrder = new Queue<string>(appliedItems.Select(i => i.Element).Where(liveByElement.ContainsKey));
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var itemSchema = schema.Items();
        var result = new JsonArray();
        for (int l = 0, a = 0; l < liveItems.Count || a < appliedItems.Count;)
        {
            if (l < liveItems.Count)
            {
                var (element, item) = liveItems[l];
                if (!appliedElements.Contains(element))
                {
                    result.Add(item?.DeepClone());
                    l++;
                    continue;
                }

                var waiting = a < appliedItems.Count && appliedItems[a].Element != element && sharedOrder.TryPeek(out var next) && next == element;
                if (emitted.Contains(element) || (!waiting && (a >= appliedItems.Count || appliedItems[a].Element != element)))
                {
                    l++;
                    continue;
                }
            }

            var (appliedElement, appliedItem) = appliedItems[a++];
            emitted.Add(appliedElement);
            if (sharedOrder.TryPeek(out var head) && head == appliedElement)
            {
                sharedOrder.Dequeue();
            }

            if (liveByElement.TryGetValue(appliedElement, out var current) && current is JsonObject target && appliedItem is JsonObject patch)
            {
                var merged = target.DeepClone().AsObject();
                Merge(merged, patch, itemSchema);
                result.Add(merged);
            }
            else
            {
                result.Add(appliedItem?.DeepClone());
            }
        }

        return result;
    }
}
