using Meshery.Testing.Kubernetes.Lists;
using Meshery.Testing.Kubernetes.Logs;
using Meshery.Testing.Kubernetes.Patching;
using Meshery.Testing.Kubernetes.Watches;
using Meshery.Testing.Kubernetes.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Meshery.Testing.Kubernetes.Http;

/// <summary>Routes a resource path and method to the list, watch, read, write, patch or log handler.</summary>
internal static class ResourceHandlers
{
    public static Task CoreAsync(HttpContext context, string version, string? path, [FromServices] FakeKubeState state) =>
        DispatchAsync(context, state, string.Empty, version, path);

    public static Task GroupAsync(HttpContext context, string group, string version, string? path, [FromServices] FakeKubeState state) =>
        DispatchAsync(context, state, group, version, path);

    private static async Task DispatchAsync(HttpContext context, FakeKubeState state, string group, string version, string? path)
    {
        if (ResourceRequest.Parse(state.Registry, group, version, path) is not { } request)
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath()).ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method;
        var verb = Verb(method, request, context);
        if (verb is not ("list" or "watch") && state.Faults.Check(request.Type, verb, request.Namespace) is { } fault)
        {
            await KubeResponses.WriteStatusAsync(context, fault).ConfigureAwait(false);
            return;
        }

        switch (verb)
        {
            case "list" or "watch":
                var (query, error) = ListQuery.Parse(context.Request.Query, request.WatchPath);
                await (error is not null ? KubeResponses.WriteStatusAsync(context, error)
                    : query!.Watch ? WatchHandlers.WatchAsync(context, state, request, query)
                    : ListHandlers.ListAsync(context, state, request, query)).ConfigureAwait(false);
                break;
            case "get" when request.Subresource == "log" && request.Type.HasLog:
                await LogHandlers.GetLogAsync(context, state, request).ConfigureAwait(false);
                break;
            case "get" when request.Subresource is null or "status":
                await WriteHandlers.GetAsync(context, state, request).ConfigureAwait(false);
                break;
            case "create":
                await WriteHandlers.CreateAsync(context, state, request).ConfigureAwait(false);
                break;
            case "update":
                await WriteHandlers.ReplaceAsync(context, state, request).ConfigureAwait(false);
                break;
            case "patch":
                await PatchHandlers.PatchAsync(context, state, request).ConfigureAwait(false);
                break;
            case "delete":
                await WriteHandlers.DeleteAsync(context, state, request).ConfigureAwait(false);
                break;
            case "deletecollection":
                await WriteHandlers.DeleteCollectionAsync(context, state, request).ConfigureAwait(false);
                break;
            case "get":
                await KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath()).ConfigureAwait(false);
                break;
            default:
                await KubeResponses.WriteStatusAsync(context, KubeStatus.MethodNotAllowed()).ConfigureAwait(false);
                break;
        }
    }

    private static string Verb(string method, ResourceRequest request, HttpContext context)
    {
        var collection = request.Name is null;
        return method switch
        {
            "GET" when collection && (request.WatchPath || context.Request.Query["watch"].FirstOrDefault() is "true" or "1") => "watch",
            "GET" when collection => "list",
            "GET" => "get",
            "POST" when collection => "create",
            "PUT" when !collection => "update",
            "PATCH" when !collection => "patch",
            "DELETE" when collection => "deletecollection",
            "DELETE" => "delete",
            _ => "unsupported",
        };
    }
}
