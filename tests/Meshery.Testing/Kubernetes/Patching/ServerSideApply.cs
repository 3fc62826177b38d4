using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.FieldManagement;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;
using Meshery.Testing.Kubernetes.Writes;

namespace Meshery.Testing.Kubernetes.Patching;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): checks the configuration, works out the fields it
/// claims, and lands it on the live object; field ownership and conflicts are <see cref="FieldManager"/>'s.
/// </summary>
internal static class ServerSideApply
{
    public const string MediaType = "application/apply-patch+yaml";

    /// <summary>The write context of an apply (Apply, force, the claimed fields), or why the request is bad.</summary>
    public static (WriteContext Write, KubeStatus? Error) Prepare(ResourceType type, JsonObject config, WriteContext write, bool force)
    {
        if (string.IsNullOrEmpty(write.FieldManager))
        {
            return (write, KubeStatus.BadRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
        }

        if (Check(type, config) is { } problem)
        {
            return (write, KubeStatus.BadRequest(problem));
        }

        var claimed = ObjectFields.Claimed(config, write.Schema, out var error);
        if (error is not null)
        {
            return (write, KubeStatus.Invalid(type, Meta.Name(config) ?? string.Empty, error));
        }

        var applied = FieldManager.Tracked(claimed, type, write.StatusOnly);
        return (write with { Operation = ManagedFieldsEntry.Apply, Force = force, Applied = applied }, null);
    }

    /// <summary>Decides an apply over the live object: merge, prune, then the usual update rules and ownership.</summary>
    public static WriteDecision Decide(ResourceType type, JsonObject current, JsonObject config, WriteContext write) =>
        ResourceStrategy.DecideUpdate(type, current, FieldManager.MergeApply(current, config, write.Applied!, write), write);

    private static string? Check(ResourceType type, JsonObject config)
    {
        var apiVersion = Meta.Str(config, "apiVersion");
        var kind = Meta.Str(config, "kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            return $"Object '{(string.IsNullOrEmpty(kind) ? "Kind" : "apiVersion")}' is missing in '{config.ToJsonString()}'";
        }

        if (apiVersion != type.ApiVersion)
        {
            return $"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})";
        }

        if (kind != type.Kind)
        {
            return $"the kind in the data ({kind}) does not match the expected kind ({type.Kind})";
        }

        return config["metadata"]?["managedFields"] is not null ? "metadata.managedFields must be nil" : null;
    }
}
