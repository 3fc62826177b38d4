using Meshery.Agent.Telemetry.Grafana;
using Meshery.Agent.Telemetry.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Telemetry;

public static class TelemetryEndpoints
{
    /// <summary>Meshery server's Grafana and Prometheus routes; each handler resolves the caller (401 without one) and acts on the caller's connections only.</summary>
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var grafana = app.MapGroup("").WithTags("Grafana");
        grafana.MapGet(TelemetryRoutes.GrafanaConfig, GrafanaHandlers.ListAsync).WithName("ListGrafanaConnections");
        grafana.MapPost(TelemetryRoutes.GrafanaConfig, GrafanaHandlers.ConnectAsync).WithName("ConnectGrafana").DisableAntiforgery();
        grafana.MapDelete(TelemetryRoutes.GrafanaConfig, GrafanaHandlers.Retired).WithName("DeleteGrafanaConfig");
        grafana.MapGet(TelemetryRoutes.GrafanaPing, GrafanaHandlers.PingAsync).WithName("PingGrafana");
        grafana.MapGet(TelemetryRoutes.GrafanaBoards, GrafanaHandlers.BoardsAsync).WithName("ListGrafanaBoards");
        grafana.MapPost(TelemetryRoutes.GrafanaBoards, GrafanaHandlers.SaveBoardsAsync).WithName("SaveGrafanaBoards");
        grafana.MapGet(TelemetryRoutes.GrafanaQuery, GrafanaHandlers.QueryAsync).WithName("QueryGrafana");
        grafana.MapGet(TelemetryRoutes.GrafanaQueryRange, GrafanaHandlers.QueryRangeAsync).WithName("QueryRangeGrafana");

        var prometheus = app.MapGroup("").WithTags("Prometheus");
        prometheus.MapGet(TelemetryRoutes.PrometheusConfig, PrometheusHandlers.ListAsync).WithName("ListPrometheusConnections");
        prometheus.MapPost(TelemetryRoutes.PrometheusConfig, PrometheusHandlers.ConnectAsync).WithName("ConnectPrometheus").DisableAntiforgery();
        prometheus.MapDelete(TelemetryRoutes.PrometheusConfig, PrometheusHandlers.Retired).WithName("DeletePrometheusConfig");
        prometheus.MapGet(TelemetryRoutes.PrometheusPing, PrometheusHandlers.PingAsync).WithName("PingPrometheus");
        prometheus.MapPost(TelemetryRoutes.PrometheusBoardImport, PrometheusHandlers.ImportBoardAsync).WithName("ImportPrometheusBoard");
        prometheus.MapGet(TelemetryRoutes.PrometheusStaticBoard, PrometheusHandlers.StaticBoardAsync).WithName("PrometheusStaticBoard");
        prometheus.MapPost(TelemetryRoutes.PrometheusBoards, PrometheusHandlers.SaveBoardsAsync).WithName("SavePrometheusBoards");
        prometheus.MapGet(TelemetryRoutes.PrometheusQuery, PrometheusHandlers.QueryAsync).WithName("QueryPrometheus");
        prometheus.MapGet(TelemetryRoutes.PrometheusQueryRange, PrometheusHandlers.QueryRangeAsync).WithName("QueryRangePrometheus");
        return app;
    }
}
