using Meshery.Agent.MeshSync.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>Registers Kubernetes connections: the kubeconfig upload, the status monitor and, with <paramref name="discovery"/>, MeshSync discovery per connected cluster.</summary>
    public static IServiceCollection AddKubernetesConnections(this IServiceCollection services, bool discovery)
    {
        services.AddOptions<KubernetesOptions>()
            .BindConfiguration(KubernetesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        if (discovery)
        {
            // MeshSync's settings (page sizes, backoff, redaction) from Meshery:MeshSync; its broker is the agent's connection.
            services.AddOptions<MeshSyncOptions>().BindConfiguration(MeshSyncOptions.Section);
            services.TryAddSingleton<IClusterDiscoveryLauncher, MeshSyncClusterDiscoveryLauncher>();
        }
        else
        {
            services.TryAddSingleton<IClusterDiscoveryLauncher, UnavailableClusterDiscoveryLauncher>();
        }

        services.TryAddSingleton<KubernetesConnectionManager>();
        services.AddHostedService<ConnectionStatusMonitor>();
        return services;
    }
}
