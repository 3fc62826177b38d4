using System.Net;
using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>Finalizer and status writes on Broker and MeshSync resources.</summary>
internal static class CustomResources
{
    public static ResourceKind Brokers { get; } = ResourceKind.Of(MesheryKinds.ApiVersion, MesheryKinds.Broker);

    public static ResourceKind MeshSyncs { get; } = ResourceKind.Of(MesheryKinds.ApiVersion, MesheryKinds.MeshSync);

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static long Generation(JsonObject obj) => (long?)obj["metadata"]?["generation"] ?? 0;

    public static List<string> Finalizers(JsonObject obj) =>
        [.. (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => (string?)f ?? string.Empty)];

    /// <summary>Adds or removes <paramref name="finalizer"/> with an optimistic merge patch (409 when the object moved on).</summary>
    public static async Task<JsonObject?> SetFinalizerAsync(
        KubeRest rest, string path, JsonObject obj, string finalizer, bool present, string fieldManager, CancellationToken cancellationToken)
    {
        var finalizers = Finalizers(obj);
        if (finalizers.Contains(finalizer) == present)
        {
            return obj;
        }

        if (present)
        {
            finalizers.Add(finalizer);
        }
        else
        {
            finalizers.Remove(finalizer);
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = (string?)obj["metadata"]?["resourceVersion"],
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]),
            },
        };
        try
        {
            return await rest.MergePatchAsync(path, patch, fieldManager, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeRestException e) when (e.StatusCode == HttpStatusCode.NotFound && !present)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="status"/> through the status subresource unless it is already there.</summary>
    public static async Task UpdateStatusAsync(KubeRest rest, string path, JsonObject obj, JsonObject status, string fieldManager, CancellationToken cancellationToken)
    {
        if (JsonNode.DeepEquals(obj["status"], status))
        {
            return;
        }

        var patch = new JsonObject { ["status"] = status };
        await rest.MergePatchAsync(path + "/status", patch, fieldManager, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a child if it exists and this owner controls it.</summary>
    public static async Task DeleteOwnedAsync(KubeRest rest, string path, string? ownerUid, CancellationToken cancellationToken)
    {
        if (await rest.GetAsync(path, cancellationToken).ConfigureAwait(false) is { } child && Owned.IsOwnedBy(child, ownerUid))
        {
            await rest.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }
}
