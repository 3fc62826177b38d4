using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.FieldManagement;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>
/// What the API server does to objects on create, update and delete: system metadata, generation,
/// the status subresource split, resourceVersion preconditions and finalizers.
/// </summary>
internal static partial class ResourceStrategy
{
    public static KubeStatus? PrepareForCreate(ResourceType type, JsonObject obj, string? ns, string name, WriteContext context)
    {
        if (!NamePattern().IsMatch(name) || name.Length > 253)
        {
            return KubeStatus.Invalid(type, name,
                $"metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }

        var meta = Meta.Of(obj);
        if (type.Namespaced && Meta.Str(meta, "namespace") is { Length: > 0 } given && given != ns)
        {
            return KubeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (type.IsCrdType && CustomResourceDefinitions.Validate(obj) is { } problem)
        {
            return KubeStatus.Invalid(type, name, problem);
        }

        Normalize(type, obj);
        meta["name"] = name;
        if (type.Namespaced)
        {
            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        foreach (var field in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields" })
        {
            meta.Remove(field);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Meta.Timestamp(context.Now);
        if (type.UsesGeneration)
        {
            meta["generation"] = 1;
        }
        else
        {
            meta.Remove("generation");
        }

        if (type.HasStatus)
        {
            obj.Remove("status");
            if (type.Group.Length == 0 && type.Plural is "pods" or "namespaces")
            {
                obj["status"] = new JsonObject { ["phase"] = type.Plural == "pods" ? "Pending" : "Active" };
            }
        }

        if (type.IsCrdType)
        {
            CustomResourceDefinitions.SetStatus(obj, context.Now);
        }

        return FieldManager.Record(type, null, obj, null, context);
    }

    /// <summary>Decides a PUT, PATCH or apply of <paramref name="proposed"/> over <paramref name="current"/>.</summary>
    public static WriteDecision DecideUpdate(ResourceType type, JsonObject current, JsonObject proposed, WriteContext context)
    {
        var name = Meta.Name(current)!;
        var proposedRv = Meta.ResourceVersion(proposed);
        if (!string.IsNullOrEmpty(proposedRv) && proposedRv != Meta.ResourceVersion(current))
        {
            return WriteDecision.Fail(KubeStatus.Stale(type, name));
        }

        if (Meta.Name(proposed) is { Length: > 0 } proposedName && proposedName != name)
        {
            return WriteDecision.Fail(KubeStatus.BadRequest($"the name of the object ({proposedName}) does not match the name on the URL ({name})"));
        }

        var requestedManagedFields = context.StatusOnly ? null : proposed["metadata"]?["managedFields"]?.DeepClone();
        JsonObject next;
        if (context.StatusOnly)
        {
            next = current.DeepClone().AsObject();
            next["status"] = proposed["status"]?.DeepClone();
        }
        else
        {
            next = proposed;
            if (type.IsCrdType && CustomResourceDefinitions.Validate(next) is { } problem)
            {
                return WriteDecision.Fail(KubeStatus.Invalid(type, name, problem));
            }

            if (KeepSystemMetadata(type, current, next) is { } error)
            {
                return WriteDecision.Fail(error);
            }
        }

        Normalize(type, next);
        Meta.Of(next)["resourceVersion"] = Meta.ResourceVersion(current);
        if (type.IsCrdType && !context.StatusOnly && !JsonNode.DeepEquals(next["spec"], current["spec"]))
        {
            CustomResourceDefinitions.SetStatus(next, context.Now);
        }

        if (FieldManager.Record(type, current, next, requestedManagedFields, context) is { } conflict)
        {
            return WriteDecision.Fail(conflict);
        }

        return JsonNode.DeepEquals(next, current) ? WriteDecision.Keep : WriteDecision.Store(next);
    }

    /// <summary>Decides a DELETE: preconditions, then removal or (with finalizers) a deletionTimestamp.</summary>
    public static WriteDecision DecideDelete(ResourceType type, string name, JsonObject? current, JsonObject? options, WriteContext context)
    {
        if (current is null)
        {
            return WriteDecision.Fail(KubeStatus.NotFound(type, name));
        }

        var preconditions = options?["preconditions"] as JsonObject;
        if (Meta.Str(preconditions, "uid") is { } uid && uid != Meta.Uid(current))
        {
            return WriteDecision.Fail(KubeStatus.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Meta.Uid(current)}"));
        }

        if (Meta.Str(preconditions, "resourceVersion") is { } rv && rv != Meta.ResourceVersion(current))
        {
            return WriteDecision.Fail(KubeStatus.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Meta.ResourceVersion(current)}"));
        }

        if (Meta.Finalizers(current).Count == 0)
        {
            return WriteDecision.Remove(current);
        }

        if (Meta.DeletionTimestamp(current) is not null)
        {
            return WriteDecision.Keep;
        }

        var meta = Meta.Of(current);
        meta["deletionTimestamp"] = Meta.Timestamp(context.Now);
        meta["deletionGracePeriodSeconds"] = 0;
        if (type.UsesGeneration)
        {
            meta["generation"] = (meta["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        return WriteDecision.Store(current);
    }

    /// <summary>Puts apiVersion and kind first, as the real server serializes them.</summary>
    public static void Normalize(ResourceType type, JsonObject obj)
    {
        var rest = obj.Where(p => p.Key is not ("apiVersion" or "kind")).ToList();
        obj.Clear();
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        foreach (var (key, value) in rest)
        {
            obj[key] = value;
        }
    }

    private static KubeStatus? KeepSystemMetadata(ResourceType type, JsonObject current, JsonObject next)
    {
        var was = Meta.Of(current);
        var meta = Meta.Of(next);
        foreach (var field in new[] { "uid", "creationTimestamp", "namespace", "name", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields" })
        {
            meta[field] = was[field]?.DeepClone();
            if (meta[field] is null)
            {
                meta.Remove(field);
            }
        }

        if (type.HasStatus)
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }

        var name = Meta.Name(current)!;
        if (Meta.DeletionTimestamp(current) is not null && Meta.Finalizers(next).Except(Meta.Finalizers(current)).Any())
        {
            return KubeStatus.Invalid(type, name, "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted");
        }

        if (type.UsesGeneration && !JsonNode.DeepEquals(Content(type, next), Content(type, current)))
        {
            meta["generation"] = (was["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        return null;
    }

    /// <summary>What counts for generation: everything but metadata (and status, when it is a subresource).</summary>
    private static JsonObject Content(ResourceType type, JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "apiVersion" or "kind") && !(type.HasStatus && key == "status"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NamePattern();
}
