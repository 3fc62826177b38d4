using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Agent.Telemetry.Boards;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Telemetry.Grafana;

/// <summary>Meshery server's Grafana-only routes: the board list and queries through Grafana's data source proxy.</summary>
public static class GrafanaHandlers
{
    private static TelemetryKind Kind => TelemetryKind.Grafana;

    /// <summary>
    /// <c>GET .../boards/{connectionID}?dashboardSearch=</c>: the dashboards matching the search (at most
    /// <see cref="TelemetryOptions.MaxBoards"/>), each with its chartable panels and query variables.
    /// </summary>
    public static Task<IResult> BoardsAsync(
        string connectionID, HttpContext context, GrafanaClient grafana, IOptions<TelemetryOptions> options, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
        {
            var server = target.Server;
            var orgId = await grafana.OrgIdAsync(server, cancellationToken);
            var links = await grafana.SearchDashboardsAsync(server, context.Request.Query["dashboardSearch"].ToString(), options.Value.MaxBoards, cancellationToken);
            var boards = new GrafanaBoard[links.Count];
            DataSourceLookup lookup = (name, byUid, ct) => grafana.DataSourceAsync(server, name, byUid, ct);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, links.Count),
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var link = links[i];
                    var dashboard = await grafana.DashboardAsync(server, link["uid"]!.ToString(), ct);
                    var uri = link["uri"]?.ToString() ?? link["url"]?.ToString();
                    boards[i] = await BoardReader.ReadAsync(dashboard, uri, orgId, lookup, ct);
                });
            return TypedResults.Ok(boards.ToList());
        });

    /// <summary>
    /// <c>GET .../grafana/query/{connectionID}?query=&amp;dsid=</c>: a variable or board query through Grafana's proxy
    /// for data source <c>dsid</c>; the answer is Grafana's as it came.
    /// </summary>
    public static Task<IResult> QueryAsync(string connectionID, HttpContext context, UpstreamClient upstream, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
        {
            if (!MetricsQuery.TryBuild(context.Request.Query, "", out _, out var literal, out var error))
            {
                return ProblemAnswers.BadRequest(error);
            }

            if (literal is not null)
            {
                return TypedResults.Ok(Literal(literal));
            }

            if (!TryDataSourceId(context.Request.Query["dsid"], out var dataSource))
            {
                return ProblemAnswers.BadRequest("'dsid' must be the numeric id of a Grafana data source.");
            }

            MetricsQuery.TryBuild(context.Request.Query, ProxyPrefix(dataSource), out var relative, out _, out _);
            return TelemetryAnswers.Json(await upstream.GetAsync(target.Server, relative!, cancellationToken));
        });

    /// <summary><c>GET /api/grafana/query_range/{connectionID}?ds=&amp;query=&amp;start=&amp;end=&amp;step=</c>: a range query to the data source named <c>ds</c>.</summary>
    public static Task<IResult> QueryRangeAsync(
        string connectionID, HttpContext context, GrafanaClient grafana, UpstreamClient upstream, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
        {
            var name = context.Request.Query["ds"].ToString();
            if (name.Length == 0)
            {
                return ProblemAnswers.BadRequest("'ds' (the data source name) is required.");
            }

            if (!MetricsQuery.TryBuildRange(context.Request.Query, "", out _, out var error))
            {
                return ProblemAnswers.BadRequest(error);
            }

            if (await grafana.DataSourceAsync(target.Server, name, byUid: false, cancellationToken) is not { } source)
            {
                return ProblemAnswers.NotFound("Grafana data source", name);
            }

            MetricsQuery.TryBuildRange(context.Request.Query, ProxyPrefix(source.Id), out var relative, out _);
            return TelemetryAnswers.Json(await upstream.GetAsync(target.Server, relative, cancellationToken));
        });

    /// <summary>What Meshery server answers for a query that needs no call: the query itself as the only value.</summary>
    public static JsonObject Literal(string query) => new() { ["status"] = "success", ["data"] = new JsonArray(query) };

    private static string ProxyPrefix(long dataSource) => $"api/datasources/proxy/{dataSource.ToString(CultureInfo.InvariantCulture)}/";

    private static bool TryDataSourceId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
