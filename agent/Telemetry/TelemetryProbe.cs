using Meshery.Agent.Telemetry.Grafana;
using Meshery.Agent.Telemetry.Prometheus;

namespace Meshery.Agent.Telemetry;

/// <summary>The connectivity test of either kind.</summary>
public sealed class TelemetryProbe(GrafanaClient grafana, PrometheusClient prometheus)
{
    public Task<TelemetryProbeResult> TestAsync(TelemetryKind kind, TelemetryServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind == TelemetryKind.Grafana
            ? grafana.ProbeAsync(server, cancellationToken)
            : prometheus.ProbeAsync(server, cancellationToken);
    }
}
