using System.Globalization;
using System.Text.Json.Nodes;

namespace Meshery.Agent.Telemetry.Prometheus;

/// <summary>The parts of Prometheus's HTTP API the agent uses besides the proxied queries: build info and series.</summary>
public sealed class PrometheusClient(UpstreamClient upstream, TimeProvider time)
{
    /// <summary>The series that name each node-exporter instance, for the static node board.</summary>
    public const string NodeSeries = "node_boot_time_seconds{cluster=\"\", job=\"node-exporter\"}";

    /// <summary><c>GET /api/v1/status/buildinfo</c> with the credentials, if any: answers the version.</summary>
    public async Task<TelemetryProbeResult> ProbeAsync(TelemetryServer server, CancellationToken cancellationToken)
    {
        try
        {
            var info = await upstream.GetJsonAsync(server, "api/v1/status/buildinfo", cancellationToken);
            if (info["status"]?.ToString() != "success")
            {
                return new TelemetryProbeResult(UpstreamFailure.Malformed, $"Prometheus at {server} did not answer its build info with status 'success'.");
            }

            var version = info["data"]?["version"]?.ToString();
            return TelemetryProbeResult.Ok($"Prometheus {version} answered.", version);
        }
        catch (UpstreamException ex)
        {
            return TelemetryProbeResult.Failed(ex);
        }
    }

    /// <summary>The node-exporter instances seen in the last five minutes.</summary>
    public async Task<IReadOnlyList<string>> NodeInstancesAsync(TelemetryServer server, CancellationToken cancellationToken)
    {
        var end = time.GetUtcNow();
        var query = "api/v1/series?match[]=" + Uri.EscapeDataString(NodeSeries)
            + "&start=" + end.AddMinutes(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            + "&end=" + end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var answer = await upstream.GetJsonAsync(server, query, cancellationToken);
        return (answer["data"] as JsonArray ?? [])
            .Select(s => s?["instance"]?.ToString())
            .Where(i => !string.IsNullOrEmpty(i))
            .Select(i => i!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
