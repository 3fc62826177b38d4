using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Kubernetes;

/// <summary>Used when the discovery (or broker) module is off: records nothing, logs once per cluster that discovery does not run.</summary>
public sealed class UnavailableClusterDiscoveryLauncher(ILogger<UnavailableClusterDiscoveryLauncher> logger) : IClusterDiscoveryLauncher
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> _warned = new();

    public IReadOnlyCollection<Guid> Running => [];

    public Task EnsureStartedAsync(ClusterDiscoveryTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_warned.TryAdd(target.ConnectionId, true))
        {
            KubernetesLog.DiscoveryUnavailable(logger, target.ClusterId, target.Context.Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(Guid connectionId, CancellationToken cancellationToken) => Task.CompletedTask;
}
