using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.ClusterCache;

public static class ClusterCacheHandlers
{
    public static async Task<IResult> ListAsync(
        HttpContext context, ClusterCacheReader reader, IOptions<ClusterCacheOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        if (!ListQuery.TryParse(context.Request, out var page, out var problem))
        {
            return problem!;
        }

        var query = context.Request.Query;
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var label in query["label"])
        {
            var eq = label?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (eq <= 0)
            {
                return ProblemAnswers.BadRequest($"'label' must be key=value; got '{label}'.");
            }

            labels.Add(new(label![..eq].Trim(), label[(eq + 1)..].Trim()));
        }

        if (labels.Count > options.Value.MaxLabelFilters)
        {
            return ProblemAnswers.BadRequest($"At most {options.Value.MaxLabelFilters} 'label' filters are allowed.");
        }

        var result = await reader.ListAsync(
            new ResourceQuery
            {
                ClusterId = ListQuery.First(query, "clusterId", "cluster_id", "clusterID"),
                Kind = ListQuery.First(query, "kind"),
                Namespace = query.ContainsKey("namespace") ? query["namespace"].ToString() : null,
                Name = ListQuery.First(query, "name"),
                Search = page.Search,
                Labels = labels,
                Page = page.Page,
                PageSize = page.PageSize,
            },
            cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<IResult> SummaryAsync(HttpContext context, ClusterCacheReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var clusterId = ListQuery.First(context.Request.Query, "clusterId", "cluster_id", "clusterID");
        return TypedResults.Ok(await reader.SummaryAsync(clusterId, cancellationToken));
    }

    /// <summary>Server-sent events: one <c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c> event per committed change.</summary>
    public static IResult Events(HttpContext context, ResourceChangeFeed feed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(feed);
        var subscription = feed.Subscribe();
        if (subscription is null)
        {
            return ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, "Too many change-stream clients are connected; try again later.");
        }

        var query = context.Request.Query;
        var filter = new ResourceChangeFilter(
            ListQuery.First(query, "clusterId", "cluster_id", "clusterID"),
            ListQuery.First(query, "kind"),
            query.ContainsKey("namespace") ? query["namespace"].ToString() : null);
        return TypedResults.ServerSentEvents(StreamAsync(subscription, filter, context.RequestAborted));
    }

    public static async Task<IResult> ResyncAsync([FromServices] MeshSyncCacheWorker? worker, CancellationToken cancellationToken)
    {
        if (worker is null)
        {
            return ProblemAnswers.Status(StatusCodes.Status503ServiceUnavailable, "The broker module is off, so MeshSync cannot be asked to resync.");
        }

        await worker.ResyncAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        ResourceChangeSubscription subscription, ResourceChangeFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (subscription)
        {
            yield return new SseItem<string>("{}", "subscribed");
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                if (filter.Matches(change))
                {
                    yield return new SseItem<string>(ResourceChangeJson.Write(change), change.EventType);
                }
            }

            if (subscription.Overflowed)
            {
                yield return new SseItem<string>("{\"reason\":\"the client fell behind; list the resources again\"}", "resync");
            }
        }
    }
}
