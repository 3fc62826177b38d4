namespace Meshery.Agent.ClusterCache;

/// <summary>A page of cached resources; each is MeshSync's KubernetesResource as received.</summary>
public sealed record ResourcePage(int Page, int PageSize, int TotalCount, IReadOnlyList<RawJson> Resources);
