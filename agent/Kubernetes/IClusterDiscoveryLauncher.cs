namespace Meshery.Agent.Kubernetes;

/// <summary>Starts and stops the in-process discovery (MeshSync) of each connected cluster.</summary>
public interface IClusterDiscoveryLauncher
{
    /// <summary>Starts discovery of <paramref name="target"/> unless it runs already.</summary>
    Task EnsureStartedAsync(ClusterDiscoveryTarget target, CancellationToken cancellationToken);

    /// <summary>Stops the discovery of a connection, if any.</summary>
    Task StopAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Connections whose discovery runs now.</summary>
    IReadOnlyCollection<Guid> Running { get; }
}
