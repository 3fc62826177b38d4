using System.Text.Json.Nodes;
using Meshery.Deploy.Install;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>Metadata shared by everything the operator creates: labels and the controller owner reference.</summary>
internal static class Owned
{
    public static JsonObject Metadata(JsonObject owner, string name, JsonObject labels) => new()
    {
        ["name"] = name,
        ["namespace"] = (string?)owner["metadata"]?["namespace"],
        ["labels"] = WithManagedBy(labels),
        ["ownerReferences"] = new JsonArray(OwnerReference(owner)),
    };

    public static JsonObject OwnerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = (string?)owner["apiVersion"],
        ["kind"] = (string?)owner["kind"],
        ["name"] = (string?)owner["metadata"]?["name"],
        ["uid"] = (string?)owner["metadata"]?["uid"],
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static JsonObject WithManagedBy(JsonObject labels)
    {
        var copy = (JsonObject)labels.DeepClone();
        copy[BundleApplier.ManagedByLabel] = BundleApplier.OperatorManager;
        return copy;
    }

    /// <summary>Whether <paramref name="child"/> is controlled by the object with <paramref name="ownerUid"/>.</summary>
    public static bool IsOwnedBy(JsonObject child, string? ownerUid) =>
        (child["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().Any(r => (string?)r["uid"] == ownerUid) == true;

    public static JsonObject Labels(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value)));
}
