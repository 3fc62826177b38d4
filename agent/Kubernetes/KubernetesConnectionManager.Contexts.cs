using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;

namespace Meshery.Agent.Kubernetes;

public sealed partial class KubernetesConnectionManager
{
    /// <summary>The contexts of the caller's connected Kubernetes connections (what adapter operations run on).</summary>
    public async Task<IReadOnlyList<KubeContext>> ConnectedContextsAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var contexts = new List<KubeContext>();
        await foreach (var connection in ListKubernetesAsync(_connections, caller, cancellationToken))
        {
            if (connection.Status == ConnectionStatuses.Connected && await ContextOfAsync(caller, connection, cancellationToken) is { } context)
            {
                contexts.Add(context);
            }
        }

        return contexts;
    }
}
