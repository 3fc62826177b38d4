using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Kubernetes;

public sealed partial class KubernetesConnectionManager
{
    /// <summary>Statuses the monitor moves on its own; the others (ignored, maintenance, disconnected, deleted) are the user's choice.</summary>
    private static readonly HashSet<string> Monitored =
        [ConnectionStatuses.Connected, ConnectionStatuses.NotFound, ConnectionStatuses.Discovered, ConnectionStatuses.Registered];

    /// <summary>Tests every Kubernetes connection once and records status changes; starts and stops discovery to match.</summary>
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        foreach (var caller in _callers.Values)
        {
            var checks = new List<Task>();
            await foreach (var connection in ListKubernetesAsync(_connections, caller, cancellationToken))
            {
                if (Monitored.Contains(connection.Status))
                {
                    seen.Add(connection.Id);
                    checks.Add(CheckAsync(caller, connection, cancellationToken));
                }
            }

            await Task.WhenAll(checks);
        }

        foreach (var running in _launcher.Running.Where(id => !seen.Contains(id)).ToList())
        {
            await _launcher.StopAsync(running, cancellationToken);
        }
    }

    private async Task CheckAsync(ProviderCaller caller, Connection connection, CancellationToken cancellationToken)
    {
        var context = await ContextOfAsync(caller, connection, cancellationToken);
        if (context is null)
        {
            return;
        }

        var (probe, configuration) = await ProbeAsync(context, cancellationToken);
        var serverId = probe.KubernetesServerId ?? connection.Metadata?["kubernetesServerId"]?.GetValue<string>();
        if (probe.Status != connection.Status
            || (probe.KubernetesServerId is not null && probe.KubernetesServerId != connection.Metadata?["kubernetesServerId"]?.GetValue<string>()))
        {
            await _connections.UpdateAsync(
                caller,
                connection.Id,
                new ConnectionPayload { Status = probe.Status, Metadata = Metadata(connection.Id, context, probe, connection.Metadata) },
                null,
                cancellationToken);
            KubernetesLog.StatusChanged(_logger, connection.Id, context.Name, probe.Status, probe.Reason);
        }

        if (probe.Connected && configuration is not null)
        {
            await StartDiscoveryAsync(new ClusterDiscoveryTarget(connection.Id, serverId ?? "", context), cancellationToken);
        }
    }

    private async Task<KubeContext?> ContextOfAsync(ProviderCaller caller, Connection connection, CancellationToken cancellationToken)
    {
        if (_contexts.TryGetValue(connection.Id, out var known))
        {
            return known;
        }

        if (connection.CredentialId is not { } credentialId
            || await _credentials.GetAsync(caller, credentialId, cancellationToken) is not { } credential)
        {
            return null;
        }

        var context = Kubeconfig.FromCredentialSecret(
            connection.Metadata?["name"]?.GetValue<string>() ?? connection.Name,
            credential.Value.Secret,
            connection.Metadata?["namespace"]?.GetValue<string>());
        if (context is not null)
        {
            _contexts[connection.Id] = context;
        }

        return context;
    }

    private async Task StartDiscoveryAsync(ClusterDiscoveryTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await _launcher.EnsureStartedAsync(target, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next check tries again; the connection's status already says whether the cluster answers.
            KubernetesLog.DiscoveryFailed(_logger, target.ConnectionId, ex);
        }
    }
}
