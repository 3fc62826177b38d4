using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>
/// Keeps one <c>metadata.managedFields</c> entry per manager and operation, so tests can see who
/// applied an object. Field ownership and apply conflicts are not tracked.
/// </summary>
internal static class ManagedFields
{
    public static void Record(JsonObject obj, ResourceType type, WriteContext context)
    {
        if (string.IsNullOrEmpty(context.FieldManager))
        {
            return;
        }

        var meta = Meta.Of(obj);
        if (meta["managedFields"] is not JsonArray entries)
        {
            entries = [];
            meta["managedFields"] = entries;
        }

        var subresource = context.StatusOnly ? "status" : null;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i] is JsonObject e && Meta.Str(e, "manager") == context.FieldManager
                && Meta.Str(e, "operation") == context.Operation && Meta.Str(e, "subresource") == subresource)
            {
                entries.RemoveAt(i);
            }
        }

        var entry = new JsonObject
        {
            ["manager"] = context.FieldManager,
            ["operation"] = context.Operation,
            ["apiVersion"] = type.ApiVersion,
            ["time"] = Meta.Timestamp(context.Now),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject(),
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }

        entries.Add(entry);
    }
}
