namespace Meshery.Agent.Telemetry;

/// <summary>Meshery server's telemetry routes (server/router/routes_telemetry.go), each template written once.</summary>
public static class TelemetryRoutes
{
    public const string GrafanaConfig = "/api/telemetry/metrics/grafana/config";
    public const string GrafanaBoards = "/api/telemetry/metrics/grafana/boards/{connectionID}";
    public const string GrafanaQuery = "/api/telemetry/metrics/grafana/query/{connectionID}";
    public const string GrafanaQueryRange = "/api/grafana/query_range/{connectionID}";
    public const string GrafanaPing = "/api/telemetry/metrics/grafana/ping/{connectionID}";

    public const string PrometheusConfig = "/api/telemetry/metrics/config";
    public const string PrometheusBoardImport = "/api/telemetry/metrics/board_import/{connectionID}";
    public const string PrometheusQuery = "/api/telemetry/metrics/query/{connectionID}";
    public const string PrometheusQueryRange = "/api/prometheus/query_range/{connectionID}";
    public const string PrometheusPing = "/api/telemetry/metrics/ping/{connectionID}";
    public const string PrometheusStaticBoard = "/api/telemetry/metrics/static-board/{connectionID}";
    public const string PrometheusBoards = "/api/telemetry/metrics/boards/{connectionID}";
}
