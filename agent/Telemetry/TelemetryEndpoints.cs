using Meshery.Agent.Telemetry.Grafana;
using Meshery.Agent.Telemetry.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Telemetry;

public static class TelemetryEndpoints
{
    /// <summary>
    /// Meshery server's Grafana and Prometheus routes. Each group carries its <see cref="TelemetryKind"/> for the shared
    /// handlers; every handler resolves the caller (401 without one) and acts on the caller's connections only.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var grafana = app.MapGroup("").WithTags("Grafana").WithMetadata(TelemetryKind.Grafana);
        grafana.MapGet(TelemetryRoutes.GrafanaConfig, TelemetryHandlers.ListAsync).WithName("ListGrafanaConnections");
        grafana.MapPost(TelemetryRoutes.GrafanaConfig, TelemetryHandlers.ConnectAsync).WithName("ConnectGrafana").DisableAntiforgery();
        grafana.MapDelete(TelemetryRoutes.GrafanaConfig, TelemetryHandlers.Retired).WithName("DeleteGrafanaConfig");
        grafana.MapGet(TelemetryRoutes.GrafanaPing, TelemetryHandlers.PingAsync).WithName("PingGrafana");
        grafana.MapPost(TelemetryRoutes.GrafanaBoards, TelemetryHandlers.SaveBoardsAsync).WithName("SaveGrafanaBoards");
        grafana.MapGet(TelemetryRoutes.GrafanaBoards, GrafanaHandlers.BoardsAsync).WithName("ListGrafanaBoards");
        grafana.MapGet(TelemetryRoutes.GrafanaQuery, GrafanaHandlers.QueryAsync).WithName("QueryGrafana");
        grafana.MapGet(TelemetryRoutes.GrafanaQueryRange, GrafanaHandlers.QueryRangeAsync).WithName("QueryRangeGrafana");

        var prometheus = app.MapGroup("").WithTags("Prometheus").WithMetadata(TelemetryKind.Prometheus);
        prometheus.MapGet(TelemetryRoutes.PrometheusConfig, TelemetryHandlers.ListAsync).WithName("ListPrometheusConnections");
        prometheus.MapPost(TelemetryRoutes.PrometheusConfig, TelemetryHandlers.ConnectAsync).WithName("ConnectPrometheus").DisableAntiforgery();
        prometheus.MapDelete(TelemetryRoutes.PrometheusConfig, TelemetryHandlers.Retired).WithName("DeletePrometheusConfig");
        prometheus.MapGet(TelemetryRoutes.PrometheusPing, TelemetryHandlers.PingAsync).WithName("PingPrometheus");
        prometheus.MapPost(TelemetryRoutes.PrometheusBoards, TelemetryHandlers.SaveBoardsAsync).WithName("SavePrometheusBoards");
        prometheus.MapPost(TelemetryRoutes.PrometheusBoardImport, PrometheusHandlers.ImportBoardAsync).WithName("ImportPrometheusBoard");
        prometheus.MapGet(TelemetryRoutes.PrometheusStaticBoard, PrometheusHandlers.StaticBoardAsync).WithName("PrometheusStaticBoard");
        prometheus.MapGet(TelemetryRoutes.PrometheusQuery, PrometheusHandlers.QueryAsync).WithName("QueryPrometheus");
        prometheus.MapGet(TelemetryRoutes.PrometheusQueryRange, PrometheusHandlers.QueryRangeAsync).WithName("QueryRangePrometheus");
        return app;
    }
}
