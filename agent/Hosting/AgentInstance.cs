using Meshery.Agent.Kubernetes;
using Meshery.Agent.LocalProvider;
using Meshery.Agent.LocalProvider.Identity;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Hosting;

/// <summary>
/// This agent's id: Meshery's server id (<c>SystemID</c>, <c>server_id</c>) and the <c>mesheryInstanceId</c>
/// of its connections. <c>Meshery:Agent:Kubernetes:MesheryInstanceId</c> when set, else derived from the
/// machine and the data folder, so it stays the same across restarts.
/// </summary>
public sealed class AgentInstance
{
    public AgentInstance(IOptions<KubernetesOptions> kubernetes, IOptions<LocalProviderOptions> provider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(provider);
        Id = kubernetes.Value.MesheryInstanceId
            ?? DeterministicGuid.CreateVersion5(
                DeterministicGuid.DnsNamespace,
                $"meshery-agent:{Environment.MachineName}:{Path.GetDirectoryName(Path.GetFullPath(provider.Value.DatabasePath))}");
    }

    public Guid Id { get; }
}
