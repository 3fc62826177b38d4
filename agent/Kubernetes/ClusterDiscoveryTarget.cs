namespace Meshery.Agent.Kubernetes;

/// <summary>A connected cluster to discover: which connection it is, its cluster id (kube-system UID) and how to reach it.</summary>
public sealed record ClusterDiscoveryTarget(Guid ConnectionId, string ClusterId, KubeContext Context);
