using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Telemetry;

/// <summary>Grafana and Prometheus connections: limits on every call the agent makes to them, and the ongoing check.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Meshery:Telemetry";

    /// <summary>How long one call to a Grafana or Prometheus server may take (connectivity test, board, query).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest answer read from a Grafana or Prometheus server; a larger one fails the request (502).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most dashboards read for one board list (each is one more call to Grafana).</summary>
    [Range(1, 1000)]
    public int MaxBoards { get; set; } = 100;

    /// <summary>Largest Grafana dashboard accepted by the Prometheus board import.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBoardImportBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How often each Prometheus connection with metrics configured in a dashboard is tested again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(30);
}
