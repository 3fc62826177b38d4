using k8s;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Health;
using Meshery.Agent.MeshSync.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync;

/// <summary>
/// Runs MeshSync for the configured cluster: builds the Kubernetes client (kubeconfig or in-cluster) and the
/// broker connection, reads the cluster id (retrying until the API server answers), then runs a
/// <see cref="ClusterDiscovery"/> until shutdown.
/// </summary>
public sealed class MeshSyncWorker(
    IOptions<MeshSyncOptions> options,
    MeshSyncReadiness readiness,
    ILogger<MeshSyncWorker> logger,
    TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var client = new k8s.Kubernetes(KubeConfig(settings));
        await using var nats = CreateConnection(settings);
        var clusterId = await ClusterIdAsync(client, settings, stoppingToken).ConfigureAwait(false);
        if (clusterId is null)
        {
            return;
        }

        await using var discovery = ClusterDiscovery.Create(client, clusterId, settings, nats, logger, timeProvider);
        readiness.Add(discovery);
        try
        {
            await discovery.StartAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            readiness.Remove(discovery);
        }
    }

    /// <summary>The broker connection MeshSync uses: named <c>meshsync</c>, reconnecting for ever every ~2 s.</summary>
    public static NatsConnection CreateConnection(MeshSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NatsConnection(new NatsOpts
        {
            Url = options.ResolveBrokerUrl() ?? NatsOpts.Default.Url,
            Name = MeshSyncSubjects.ConnectionName,
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
            ReconnectJitter = TimeSpan.FromMilliseconds(100),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        });
    }

    private static KubernetesClientConfiguration KubeConfig(MeshSyncOptions options)
    {
        if (!string.IsNullOrEmpty(options.KubeConfigPath))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeConfigPath, options.KubeContext);
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: options.KubeContext);
    }

    private async Task<string?> ClusterIdAsync(IKubernetes client, MeshSyncOptions settings, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(settings.ClusterId))
        {
            return settings.ClusterId;
        }

        var backoff = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                return await ClusterDiscovery.ReadClusterIdAsync(client, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                MeshSyncLog.StartFailed(logger, e.Message);
            }

            try
            {
                await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }

        return null;
    }
}
