using k8s;

namespace Meshery.Agent.Kubernetes;

/// <summary>A connected cluster to discover: which connection it is, its cluster id and how to reach it.</summary>
public sealed record ClusterDiscoveryTarget(Guid ConnectionId, string ContextName, string ClusterId, KubernetesClientConfiguration Configuration);
