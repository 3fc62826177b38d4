using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Kubernetes;

/// <summary>Re-tests every Kubernetes connection each <see cref="KubernetesOptions.MonitorInterval"/> and records status changes.</summary>
public sealed class ConnectionStatusMonitor(
    KubernetesConnectionManager manager, IOptions<KubernetesOptions> options, TimeProvider time, ILogger<ConnectionStatusMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MonitorInterval, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await manager.CheckAllAsync(stoppingToken);
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ProviderException or HttpRequestException or IOException or InvalidOperationException)
            {
                KubernetesLog.MonitorFailed(logger, ex);
                await timer.WaitForNextTickAsync(stoppingToken);
            }
        }
    }
}
