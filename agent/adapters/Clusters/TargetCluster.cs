using k8s;

namespace Meshery.Agent.Adapters.Clusters;

/// <summary>A cluster an operation runs on: its name (the kubeconfig's current context) and a client for it.</summary>
public sealed record TargetCluster(string Name, IKubernetes Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
