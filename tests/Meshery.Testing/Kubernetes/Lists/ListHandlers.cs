using System.Collections.Immutable;
using System.Text.Json;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Storage;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>
/// GET on a collection: selectors, and <c>limit</c>/<c>continue</c> paging over a snapshot taken by the
/// first page, so pages stay consistent while writes go on. An unknown or expired token answers 410.
/// </summary>
internal static class ListHandlers
{
    private const int FlushEvery = 256;

    public static async Task ListAsync(HttpContext context, FakeKubeState state, ResourceRequest request, ListQuery query)
    {
        var type = request.Type;
        if (state.Faults.Check(type, "list", request.Namespace) is { } fault)
        {
            await KubeResponses.WriteStatusAsync(context, fault).ConfigureAwait(false);
            return;
        }

        ImmutableList<StoredObject> items;
        long listRv;
        var startKey = string.Empty;
        if (query.Continue is { } token)
        {
            if (!ContinueToken.TryDecode(token, out listRv, out startKey)
                || state.Snapshots.Find(type.GroupResource, listRv) is not { } snapshot)
            {
                await KubeResponses.WriteStatusAsync(context, KubeStatus.Expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.")).ConfigureAwait(false);
                return;
            }

            items = snapshot;
        }
        else
        {
            (items, listRv) = state.Store.Snapshot(type);
            if (query.Limit > 0)
            {
                state.Snapshots.Add(type.GroupResource, listRv, items);
            }
        }

        var prefix = request.Namespace is null ? string.Empty : request.Namespace + "/";
        var end = request.Namespace is null ? items.Count : LowerBound(items, request.Namespace + "0");
        var index = LowerBound(items, string.CompareOrdinal(startKey, prefix) > 0 ? startKey : prefix);
        var page = new List<StoredObject>(query.Limit > 0 ? Math.Min(query.Limit, 4096) : 256);
        for (; index < end && (query.Limit == 0 || page.Count < query.Limit); index++)
        {
            var item = items[index];
            if (query.Labels.Matches(item.Labels) && query.Fields.Matches(item))
            {
                page.Add(item);
            }
        }

        var more = query.Limit > 0 && index < end && page.Count > 0;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", Meta.RvString(listRv));
        if (more)
        {
            writer.WriteString("continue", ContinueToken.Encode(listRv, page[^1].Key));
            if (query.Labels.IsEverything && query.Fields.IsEverything)
            {
                writer.WriteNumber("remainingItemCount", end - index);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        for (var i = 0; i < page.Count; i++)
        {
            writer.WriteRawValue(page[i].JsonFor(type.ApiVersion), skipInputValidation: true);
            if (i % FlushEvery == FlushEvery - 1)
            {
                await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Index of the first item whose key is not below <paramref name="key"/>.</summary>
    public static int LowerBound(ImmutableList<StoredObject> items, string key)
    {
        var index = items.BinarySearch(StoredObject.Probe(key), StoredObject.ByKey);
        return index >= 0 ? index : ~index;
    }
}
