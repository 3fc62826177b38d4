using System.Text.Json.Nodes;
using Meshery.Agent.Telemetry.Boards;
using Meshery.Agent.Telemetry.Grafana;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Telemetry.Prometheus;

/// <summary>Meshery server's Prometheus-only routes: board import, static boards, queries.</summary>
public static class PrometheusHandlers
{
    private static TelemetryKind Kind => TelemetryKind.Prometheus;

    /// <summary><c>POST .../board_import/{connectionID}</c>: a Grafana dashboard JSON (or Grafana's <c>{dashboard}</c> export) read into a board.</summary>
    public static Task<IResult> ImportBoardAsync(string connectionID, HttpContext context, IOptions<TelemetryOptions> options, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (_, _) =>
        {
            var (json, problem) = await TelemetryHandlers.ReadJsonAsync(context, cancellationToken, options.Value.MaxBoardImportBytes);
            if (problem is not null)
            {
                return problem;
            }

            var dashboard = json?["dashboard"] as JsonObject ?? json as JsonObject;
            if (dashboard is null || (dashboard["panels"] is null && dashboard["rows"] is null))
            {
                return ProblemAnswers.BadRequest("The body is not a Grafana dashboard: it has neither 'panels' nor 'rows'.");
            }

            var board = await BoardReader.ReadAsync(dashboard, (dashboard["slug"] as JsonValue)?.ToString(), null, null, cancellationToken);
            return TypedResults.Ok(board);
        });

    /// <summary><c>GET .../static-board/{connectionID}</c>: the agent's own cluster and per-node boards, <c>{"cluster":..., "node":...}</c>.</summary>
    public static Task<IResult> StaticBoardAsync(string connectionID, HttpContext context, PrometheusClient prometheus, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
        {
            var instances = await prometheus.NodeInstancesAsync(target.Server, cancellationToken);
            var boards = new Dictionary<string, GrafanaBoard>(StringComparer.Ordinal)
            {
                ["cluster"] = await BoardReader.ReadAsync(StaticBoards.Cluster(), null, null, null, cancellationToken),
                ["node"] = await BoardReader.ReadAsync(StaticBoards.Nodes(instances), null, null, null, cancellationToken),
            };
            return TypedResults.Ok(boards);
        });

    /// <summary><c>GET .../query/{connectionID}?query=</c>: a variable or board query to Prometheus; its answer as it came.</summary>
    public static Task<IResult> QueryAsync(string connectionID, HttpContext context, UpstreamClient upstream, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
        {
            if (!MetricsQuery.TryBuild(context.Request.Query, "", out var relative, out var literal, out var error))
            {
                return ProblemAnswers.BadRequest(error);
            }

            return literal is not null
                ? TypedResults.Ok(GrafanaHandlers.Literal(literal))
                : TelemetryAnswers.Json(await upstream.GetAsync(target.Server, relative!, cancellationToken));
        });

    /// <summary><c>GET /api/prometheus/query_range/{connectionID}?query=&amp;start=&amp;end=&amp;step=</c>.</summary>
    public static Task<IResult> QueryRangeAsync(string connectionID, HttpContext context, UpstreamClient upstream, CancellationToken cancellationToken) =>
        TelemetryHandlers.WithConnectionAsync(context, connectionID, Kind, async (caller, target) =>
            MetricsQuery.TryBuildRange(context.Request.Query, "", out var relative, out var error)
                ? TelemetryAnswers.Json(await upstream.GetAsync(target.Server, relative, cancellationToken))
                : ProblemAnswers.BadRequest(error));
}
