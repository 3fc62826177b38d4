using System.Text.Json.Nodes;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Telemetry.Prometheus;

/// <summary>
/// The ongoing connectivity test of Prometheus connections "when metrics are configured in a dashboard": each
/// <see cref="TelemetryOptions.MonitorInterval"/>, every known user's Prometheus connections with selected boards
/// are tested and their status moves between connected and disconnected. A connection the user disconnected (not a
/// failed test) is left alone.
/// </summary>
public sealed class PrometheusMonitorWorker(
    IConnectionStore store,
    TelemetryConnections connections,
    TelemetryCallers callers,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<PrometheusMonitorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MonitorInterval, time);
        do
        {
            foreach (var caller in callers.All)
            {
                try
                {
                    await CheckAsync(caller, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is ProviderException or HttpRequestException or IOException or InvalidOperationException or TimeoutException)
                {
                    TelemetryLog.MonitorFailed(logger, caller.UserId, ex);
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Tests one user's monitored Prometheus connections.</summary>
    public async Task CheckAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        for (var page = 0; ; page++)
        {
            var list = await store.ListAsync(
                caller,
                new ConnectionQuery { Kinds = [TelemetryKind.Prometheus.Name], Page = new PageRequest { Page = page, PageSize = PagingLimits.MaxPageSize } },
                cancellationToken);
            foreach (var connection in list.Connections.Where(IsMonitored))
            {
                if (await connections.FindAsync(caller, connection.Id, cancellationToken) is { } target)
                {
                    await connections.RecheckAsync(caller, TelemetryKind.Prometheus, target, recordWhenUnchanged: false, cancellationToken);
                }
            }

            if (list.Connections.Count < PagingLimits.MaxPageSize)
            {
                return;
            }
        }
    }

    /// <summary>Boards selected, and connected or disconnected by a failed test.</summary>
    public static bool IsMonitored(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var boards = connection.Metadata?[TelemetryKind.Prometheus.BoardsMetadataKey];
        var configured = boards is JsonArray { Count: > 0 } or JsonObject { Count: > 0 };
        return configured
            && (connection.Status == ConnectionStatuses.Connected
                || (connection.Status == ConnectionStatuses.Disconnected
                    && connection.Metadata?[TelemetryConnections.CheckFailedKey] is JsonValue failed && failed.TryGetValue<bool>(out var yes) && yes));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
