namespace Meshery.Agent.Kubernetes;

/// <summary>The outcome of a connectivity test: the connection status to record and why.</summary>
public sealed record ClusterProbeResult(string Status, string Reason, string? Version = null, string? KubernetesServerId = null)
{
    public bool Connected => Status == Meshery.ExtensionPoints.Connections.ConnectionStatuses.Connected;
}
