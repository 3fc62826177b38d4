using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>Registers Kubernetes connections: the kubeconfig upload, the status monitor and (by default, replaceable) no discovery.</summary>
    public static IServiceCollection AddKubernetesConnections(this IServiceCollection services)
    {
        services.AddOptions<KubernetesOptions>()
            .BindConfiguration(KubernetesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClusterDiscoveryLauncher, UnavailableClusterDiscoveryLauncher>();
        services.TryAddSingleton<KubernetesConnectionManager>();
        services.AddHostedService<ConnectionStatusMonitor>();
        return services;
    }
}
