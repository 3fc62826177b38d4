using System.Text.Json.Nodes;

namespace Meshery.Agent.Kubernetes;

/// <summary>
/// One kubeconfig context with what is needed to reach its cluster: the kubeconfig's <c>cluster</c> and
/// user (<c>auth</c>) blocks as JSON, with kubeconfig key names, file references inlined.
/// </summary>
public sealed record KubeContext(string Name, string Server, string? Namespace, string UserName, JsonObject Cluster, JsonObject Auth);
