using System.Collections.Concurrent;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Discovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Meshery.Agent.Kubernetes;

/// <summary>
/// Runs MeshSync's <see cref="ClusterDiscovery"/> in-process for each connected cluster, publishing to the
/// agent's broker connection. Discovery survives the cluster or the broker going away on its own; it is
/// stopped only when its connection is removed or set aside by the user.
/// </summary>
public sealed class MeshSyncClusterDiscoveryLauncher(
    INatsConnection nats, IOptions<MeshSyncOptions> options, ILoggerFactory loggers, TimeProvider time) : IClusterDiscoveryLauncher, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, RunningDiscovery> _running = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = loggers.CreateLogger<MeshSyncClusterDiscoveryLauncher>();

    public IReadOnlyCollection<Guid> Running => [.. _running.Keys];

    /// <summary>The discovery of a connection, while it runs.</summary>
    public ClusterDiscovery? Find(Guid connectionId) => _running.TryGetValue(connectionId, out var r) ? r.Discovery : null;

    public async Task EnsureStartedAsync(ClusterDiscoveryTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_running.ContainsKey(target.ConnectionId))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_running.ContainsKey(target.ConnectionId))
            {
                return;
            }

            // Discovery's own list and watch timeouts apply: no short probe timeout on its client.
            var client = new k8s.Kubernetes(Kubeconfig.BuildClientConfiguration(target.Context, TimeSpan.FromSeconds(100)));
            try
            {
                var clusterId = target.ClusterId.Length > 0 ? target.ClusterId : await ClusterDiscovery.ReadClusterIdAsync(client, cancellationToken);
                var discovery = ClusterDiscovery.Create(client, clusterId, options.Value, nats, loggers.CreateLogger<ClusterDiscovery>(), time);
                await discovery.StartAsync(cancellationToken);
                _running[target.ConnectionId] = new RunningDiscovery(discovery, client);
                KubernetesLog.DiscoveryStarted(_logger, clusterId, target.Context.Name, target.ConnectionId);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        if (_running.TryRemove(connectionId, out var running))
        {
            await running.DisposeAsync();
            KubernetesLog.DiscoveryStopped(_logger, connectionId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _running.Keys.ToList())
        {
            await StopAsync(id, CancellationToken.None);
        }

        _gate.Dispose();
    }

    private sealed record RunningDiscovery(ClusterDiscovery Discovery, k8s.Kubernetes Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Discovery.StopAsync(CancellationToken.None);
            await Discovery.DisposeAsync();
            Client.Dispose();
        }
    }
}
