using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.FieldManagement;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Lists;
using Meshery.Testing.Kubernetes.Storage;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>GET one object, POST (create), PUT (update, status) and DELETE (one or a collection).</summary>
internal static class WriteHandlers
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static Task GetAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        var stored = state.Store.Get(request.Type, request.Namespace, request.Name!);
        return stored is null
            ? KubeResponses.WriteStatusAsync(context, KubeStatus.NotFound(request.Type, request.Name!))
            : KubeResponses.WriteBytesAsync(context, 200, stored.JsonFor(request.Type.ApiVersion));
    }

    public static async Task CreateAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        var type = request.Type;
        if (type.Namespaced && request.Namespace is null)
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.MethodNotAllowed()).ConfigureAwait(false);
            return;
        }

        var (body, error) = KubeResponses.ParseObject(await KubeResponses.ReadBodyAsync(context).ConfigureAwait(false));
        error ??= CheckNamespace(state, request.Namespace);
        if (error is not null)
        {
            await KubeResponses.WriteStatusAsync(context, error).ConfigureAwait(false);
            return;
        }

        var result = Create(state, request, body!, WriteContextFor(context, state, request.Type), IsDryRun(context));
        await Respond(context, request, result, result.Created ? 201 : 200).ConfigureAwait(false);
    }

    /// <summary>Creates <paramref name="body"/>, drawing a name from <c>generateName</c> when it has none.</summary>
    public static WriteResult Create(FakeKubeState state, ResourceRequest request, JsonObject body, WriteContext context, bool dryRun)
    {
        var type = request.Type;
        var name = Meta.Name(body);
        var generateName = Meta.Str(body["metadata"], "generateName");
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(generateName))
        {
            return new WriteResult(null, KubeStatus.Invalid(type, string.Empty, "metadata.name: Required value: name or generateName is required"), false, false);
        }

        WriteResult result = default;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = string.IsNullOrEmpty(name) ? generateName + Suffix() : name;
            var obj = body.DeepClone().AsObject();
            if (ResourceStrategy.PrepareForCreate(type, obj, request.Namespace, candidate, context) is { } invalid)
            {
                return new WriteResult(null, invalid, false, false);
            }

            result = state.Store.Write(type, request.Namespace, candidate,
                current => current is null ? WriteDecision.Store(obj) : WriteDecision.Fail(KubeStatus.AlreadyExists(type, candidate)),
                dryRun);
            if (result.Error?.Reason != "AlreadyExists" || !string.IsNullOrEmpty(name))
            {
                return result;
            }
        }

        return result;
    }

    public static async Task ReplaceAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        if (request.Subresource is not (null or "status" or "finalize"))
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath()).ConfigureAwait(false);
            return;
        }

        var (body, error) = KubeResponses.ParseObject(await KubeResponses.ReadBodyAsync(context).ConfigureAwait(false));
        if (error is not null)
        {
            await KubeResponses.WriteStatusAsync(context, error).ConfigureAwait(false);
            return;
        }

        var write = WriteContextFor(context, state, request.Type) with { StatusOnly = request.Subresource == "status" && request.Type.HasStatus };
        var result = state.Store.Write(request.Type, request.Namespace, request.Name!, current => current is null
            ? WriteDecision.Fail(KubeStatus.NotFound(request.Type, request.Name!))
            : ResourceStrategy.DecideUpdate(request.Type, current, body!, write), IsDryRun(context));
        await Respond(context, request, result, 200).ConfigureAwait(false);
    }

    public static async Task DeleteAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        var bytes = await KubeResponses.ReadBodyAsync(context).ConfigureAwait(false);
        var (options, error) = bytes.Length == 0 ? (null, null) : KubeResponses.ParseObject(bytes);
        if (error is not null)
        {
            await KubeResponses.WriteStatusAsync(context, error).ConfigureAwait(false);
            return;
        }

        var write = WriteContextFor(context, state, request.Type);
        var result = state.Store.Write(request.Type, request.Namespace, request.Name!,
            current => ResourceStrategy.DecideDelete(request.Type, request.Name!, current, options, write), IsDryRun(context));
        await Respond(context, request, result, 200).ConfigureAwait(false);
    }

    public static async Task DeleteCollectionAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        LabelSelector labels;
        FieldSelector fields;
        try
        {
            labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
            fields = FieldSelector.Parse(context.Request.Query["fieldSelector"]);
        }
        catch (FormatException e)
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.BadRequest(e.Message)).ConfigureAwait(false);
            return;
        }

        var write = WriteContextFor(context, state, request.Type);
        var (items, _) = state.Store.Snapshot(request.Type);
        foreach (var item in items.Where(o => (request.Namespace is null || o.Namespace == request.Namespace) && labels.Matches(o.Labels) && fields.Matches(o)))
        {
            state.Store.Write(request.Type, item.Namespace, item.Name,
                current => current is null ? WriteDecision.Keep : ResourceStrategy.DecideDelete(request.Type, item.Name, current, null, write),
                IsDryRun(context));
        }

        await KubeResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        }).ConfigureAwait(false);
    }

    public static Task Respond(HttpContext context, ResourceRequest request, WriteResult result, int successCode) =>
        result.Error is { } error
            ? KubeResponses.WriteStatusAsync(context, error)
            : KubeResponses.WriteBytesAsync(context, successCode, result.Object!.JsonFor(request.Type.ApiVersion));

    public static WriteContext WriteContextFor(HttpContext context, FakeKubeState state, ResourceType type)
    {
        var crds = state.Registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        var crd = type.CrdName is { } crdName ? state.Store.Get(crds, null, crdName)?.ToJsonObject() : null;
        var userAgent = context.Request.Headers.UserAgent.FirstOrDefault() ?? string.Empty;
        var agentManager = userAgent.Split('/')[0];
        return new WriteContext(state.Time.GetUtcNow(), FieldSchema.For(type, crd), context.Request.Query["fieldManager"].FirstOrDefault())
        {
            UserAgentManager = agentManager.Length > 128 ? agentManager[..128] : agentManager,
        };
    }

    public static bool IsDryRun(HttpContext context) => context.Request.Query["dryRun"].Contains("All");

    public static KubeStatus? CheckNamespace(FakeKubeState state, string? ns)
    {
        var namespaces = state.Registry.Find(string.Empty, "v1", "namespaces")!;
        if (ns is null || state.Store.Get(namespaces, null, ns) is not null)
        {
            return null;
        }

        if (!state.Options.AutoCreateNamespaces)
        {
            return KubeStatus.NotFound(namespaces, ns);
        }

        ObjectSeeding.Put(state, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = ns },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        });
        return null;
    }

    private static string Suffix() =>
        string.Create(5, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)];
            }
        });
}
