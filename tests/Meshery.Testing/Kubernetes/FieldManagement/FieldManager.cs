using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;
using Meshery.Testing.Kubernetes.Writes;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>
/// Field ownership as the API server keeps it in <c>metadata.managedFields</c>. An update (create, PUT,
/// non-apply PATCH) takes the fields it adds or changes from everyone else; an apply owns exactly the
/// fields of its configuration and fails with a conflict when it would change a field another manager
/// owns, unless forced. Objects written without a field manager (and owned by nobody) carry no entries.
/// </summary>
internal static class FieldManager
{
    /// <summary>Owns every field of an object first applied after it was written without ownership.</summary>
    public const string BeforeFirstApply = "before-first-apply";

    /// <summary>System fields no manager owns (the API server's stripped metadata).</summary>
    private static readonly FieldSet Untracked = FieldSet.Of(
        ["f:apiVersion"], ["f:kind"],
        ["f:metadata", "f:name"], ["f:metadata", "f:namespace"], ["f:metadata", "f:creationTimestamp"], ["f:metadata", "f:selfLink"],
        ["f:metadata", "f:uid"], ["f:metadata", "f:generation"], ["f:metadata", "f:managedFields"], ["f:metadata", "f:resourceVersion"]);

    private static readonly FieldSet MetadataItself = FieldSet.Of(["f:metadata"]);
    private static readonly FieldSet Status = FieldSet.Of(["f:status"]);

    /// <summary>
    /// The fields a write through <paramref name="statusOnly"/> (or the main resource) can own: never system
    /// metadata; only status through the status subresource; never status through the main resource.
    /// </summary>
    public static FieldSet Tracked(FieldSet set, ResourceType type, bool statusOnly)
    {
        var tracked = set.ExceptUnder(Untracked).Difference(MetadataItself);
        if (statusOnly)
        {
            return tracked.Only("f:status");
        }

        return type.HasStatus ? tracked.ExceptUnder(Status) : tracked;
    }

    /// <summary>
    /// Lands an apply configuration on <paramref name="current"/>: merged, then pruned of what this applier
    /// applied before and nobody owns now. The result still carries the current managed fields.
    /// </summary>
    public static JsonObject MergeApply(JsonObject current, JsonObject config, FieldSet applied, WriteContext context)
    {
        var merged = current.DeepClone().AsObject();
        ApplyMerge.Merge(merged, config, context.Schema);
        var entries = ManagedFieldsEntry.Decode(current["metadata"]?["managedFields"]);
        var subresource = context.StatusOnly ? "status" : null;
        var mine = entries.FirstOrDefault(e => e.IsSameManager(context.FieldManager!, ManagedFieldsEntry.Apply, string.Empty, subresource));
        if (mine is not null)
        {
            var owned = applied;
            foreach (var other in entries.Where(e => e != mine))
            {
                owned = owned.Union(other.Fields);
            }

            ApplyMerge.Prune(merged, mine.Fields, owned, context.Schema);
        }

        Meta.Of(merged)["managedFields"] = current["metadata"]?["managedFields"]?.DeepClone();
        return merged;
    }

    /// <summary>
    /// Records who owns what after writing <paramref name="next"/> over <paramref name="current"/> (null on
    /// create) into <paramref name="next"/>; <paramref name="requested"/> is the managedFields the request
    /// carried. Returns the conflict when an unforced apply would change another manager's fields.
    /// </summary>
    public static KubeStatus? Record(ResourceType type, JsonObject? current, JsonObject next, JsonNode? requested, WriteContext context)
    {
        var entries = ManagedFieldsEntry.Decode(current?["metadata"]?["managedFields"]);
        if (requested is JsonArray { Count: > 0 } asked)
        {
            // A client may replace the entries, or reset them with a single empty entry.
            var decoded = asked is [JsonObject { Count: 0 }] ? [] : ManagedFieldsEntry.Decode(asked);
            if (!JsonNode.DeepEquals(ManagedFieldsEntry.Encode(decoded), ManagedFieldsEntry.Encode(entries)))
            {
                entries = decoded;
            }
        }

        var manager = context.FieldManager;
        if (string.IsNullOrEmpty(manager) && entries.Count > 0)
        {
            manager = context.UserAgentManager;
        }

        if (string.IsNullOrEmpty(manager))
        {
            Store(next, entries);
            return null;
        }

        var before = Strip(current ?? []);
        var after = Strip(next);
        var schema = context.Schema;
        var now = Meta.Timestamp(context.Now);
        var subresource = context.StatusOnly ? "status" : null;
        var statusOnly = context.StatusOnly;
        if (context.Operation == ManagedFieldsEntry.Apply && current is not null && entries.Count == 0)
        {
            entries.Add(new ManagedFieldsEntry(BeforeFirstApply, ManagedFieldsEntry.Update, type.ApiVersion, null)
            {
                Time = now,
                Fields = Tracked(ObjectFields.All(before, schema), type, statusOnly: false),
            });
        }

        var (added, modified, removed) = ObjectFields.Compare(before, after, schema);
        var changed = Tracked(added.Union(modified), type, statusOnly);
        removed = Tracked(removed, type, statusOnly);
        var write = new Write(manager, type.ApiVersion, subresource, now, changed, removed);
        if (context.Operation == ManagedFieldsEntry.Apply)
        {
            if (RecordApply(entries, write, context.Applied ?? new FieldSet(), objectChanged: !JsonNode.DeepEquals(before, after), context.Force) is { } conflict)
            {
                return conflict;
            }
        }
        else
        {
            RecordUpdate(entries, write);
        }

        Store(next, entries);
        return null;
    }

    /// <summary>The applier owns exactly <paramref name="applied"/>; others lose what it changed, or it fails unforced.</summary>
    private static KubeStatus? RecordApply(List<ManagedFieldsEntry> entries, Write write, FieldSet applied, bool objectChanged, bool force)
    {
        var mine = entries.FirstOrDefault(e => e.IsSameManager(write.Manager, ManagedFieldsEntry.Apply, write.ApiVersion, write.Subresource));
        var others = entries.Where(e => e != mine).ToList();
        var conflicts = others.Select(e => (Entry: e, Fields: e.Fields.Intersection(write.Changed))).Where(c => !c.Fields.IsEmpty).ToList();
        if (conflicts.Count > 0 && !force)
        {
            return ApplyConflicts.Status(conflicts);
        }

        Disown(others, write.Changed, write.Removed);
        if (mine is null)
        {
            mine = new ManagedFieldsEntry(write.Manager, ManagedFieldsEntry.Apply, write.ApiVersion, write.Subresource) { Time = write.Now };
            entries.Add(mine);
        }

        mine.ApiVersion = write.ApiVersion;
        mine.Fields = applied;
        mine.Time = objectChanged ? write.Now : mine.Time;
        return null;
    }

    /// <summary>The updater takes every field it added or changed from everyone; removed fields leave every owner.</summary>
    private static void RecordUpdate(List<ManagedFieldsEntry> entries, Write write)
    {
        Disown(entries, write.Changed, write.Removed);
        if (write.Changed.IsEmpty)
        {
            return;
        }

        var mine = entries.FirstOrDefault(e => e.IsSameManager(write.Manager, ManagedFieldsEntry.Update, write.ApiVersion, write.Subresource));
        if (mine is null)
        {
            mine = new ManagedFieldsEntry(write.Manager, ManagedFieldsEntry.Update, write.ApiVersion, write.Subresource);
            entries.Add(mine);
        }

        mine.Fields = mine.Fields.Union(write.Changed);
        mine.Time = write.Now;
    }

    private static void Disown(IEnumerable<ManagedFieldsEntry> entries, FieldSet changed, FieldSet removed)
    {
        foreach (var entry in entries)
        {
            entry.Fields = entry.Fields.Difference(changed).Difference(removed);
        }
    }

    private static void Store(JsonObject obj, List<ManagedFieldsEntry> entries)
    {
        var encoded = ManagedFieldsEntry.Encode(entries);
        if (encoded.Count == 0)
        {
            Meta.Of(obj).Remove("managedFields");
        }
        else
        {
            Meta.Of(obj)["managedFields"] = encoded;
        }
    }

    private static JsonObject Strip(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        if (copy["metadata"] is JsonObject meta)
        {
            meta.Remove("managedFields");
        }

        return copy;
    }

    /// <summary>One write's manager identity and the tracked fields it added or changed, and removed.</summary>
    private sealed record Write(string Manager, string ApiVersion, string? Subresource, string Now, FieldSet Changed, FieldSet Removed);
}
