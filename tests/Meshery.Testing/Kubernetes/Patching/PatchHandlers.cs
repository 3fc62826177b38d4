using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;
using Meshery.Testing.Kubernetes.Writes;
using Microsoft.AspNetCore.Http;
using YamlDotNet.Core;

namespace Meshery.Testing.Kubernetes.Patching;

/// <summary>
/// PATCH: merge, strategic merge (approximated), JSON patch, and server-side apply, which creates a
/// missing object and otherwise lands the configuration with field ownership (<see cref="ServerSideApply"/>).
/// </summary>
internal static class PatchHandlers
{
    public static async Task PatchAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        if (request.Subresource is not (null or "status"))
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath()).ConfigureAwait(false);
            return;
        }

        var mediaType = (context.Request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        var text = Encoding.UTF8.GetString(await KubeResponses.ReadBodyAsync(context).ConfigureAwait(false));
        var (patch, error) = Parse(mediaType, text);
        var write = WriteHandlers.WriteContextFor(context, state, request.Type) with { StatusOnly = request.Subresource == "status" && request.Type.HasStatus };
        var apply = mediaType == ServerSideApply.MediaType;
        var force = context.Request.Query["force"].FirstOrDefault();
        if (apply && error is null)
        {
            (write, error) = ServerSideApply.Prepare(request.Type, (JsonObject)patch!, write, force == "true");
        }
        else if (force is not null)
        {
            error ??= new KubeStatus(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch");
        }

        if (error is not null)
        {
            await KubeResponses.WriteStatusAsync(context, error).ConfigureAwait(false);
            return;
        }

        if (apply && request.Subresource is null && state.Store.Get(request.Type, request.Namespace, request.Name!) is null)
        {
            var created = (JsonObject)patch!;
            if (Meta.Name(created) is { Length: > 0 } bodyName && bodyName != request.Name)
            {
                await KubeResponses.WriteStatusAsync(context, KubeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({request.Name})")).ConfigureAwait(false);
                return;
            }

            Meta.Of(created)["name"] = request.Name;
            var namespaceError = WriteHandlers.CheckNamespace(state, request.Namespace);
            var result = namespaceError is null
                ? WriteHandlers.Create(state, request, created, write, WriteHandlers.IsDryRun(context))
                : new WriteResult(null, namespaceError, false, false);
            if (result.Error?.Reason != "AlreadyExists")
            {
                await WriteHandlers.Respond(context, request, result, 201).ConfigureAwait(false);
                return;
            }
        }

        var updated = state.Store.Write(request.Type, request.Namespace, request.Name!, current =>
        {
            if (current is null)
            {
                return WriteDecision.Fail(KubeStatus.NotFound(request.Type, request.Name!));
            }

            if (apply)
            {
                return ServerSideApply.Decide(request.Type, current, (JsonObject)patch!, write);
            }

            var proposed = current.DeepClone().AsObject();
            var problem = patch switch
            {
                JsonArray operations => JsonPatch.Apply(proposed, operations),
                JsonObject merge => Merge(proposed, merge, mediaType == "application/strategic-merge-patch+json"),
                _ => "empty patch",
            };
            return problem is null
                ? ResourceStrategy.DecideUpdate(request.Type, current, proposed, write)
                : WriteDecision.Fail(KubeStatus.Invalid(request.Type, request.Name!, problem));
        }, WriteHandlers.IsDryRun(context));
        await WriteHandlers.Respond(context, request, updated, 200).ConfigureAwait(false);
    }

    private static string? Merge(JsonObject target, JsonObject patch, bool strategic)
    {
        MergePatch.Apply(target, patch, strategic);
        return null;
    }

    private static (JsonNode? Patch, KubeStatus? Error) Parse(string mediaType, string text)
    {
        try
        {
            return mediaType switch
            {
                "application/merge-patch+json" or "application/strategic-merge-patch+json" =>
                    JsonNode.Parse(text) is JsonObject merge ? (merge, null) : (null, KubeStatus.BadRequest("a merge patch must be a JSON object")),
                "application/json-patch+json" =>
                    JsonNode.Parse(text) is JsonArray operations ? (operations, null) : (null, KubeStatus.BadRequest("a JSON patch must be an array")),
                ServerSideApply.MediaType =>
                    YamlJson.ParseObject(text) is { } config ? (config, null) : (null, KubeStatus.BadRequest("the apply configuration must be an object")),
                _ => (null, KubeStatus.UnsupportedMediaType(mediaType)),
            };
        }
        catch (Exception e) when (e is JsonException or YamlException or InvalidCastException)
        {
            return (null, KubeStatus.BadRequest($"error decoding patch: {e.Message}"));
        }
    }
}
