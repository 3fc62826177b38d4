using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.ClusterCache;

public static class ClusterCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cluster cache: its SQLite file, the single writer and the readers; with
    /// <paramref name="ingest"/> also the MeshSync subscriber (needs the broker module).
    /// </summary>
    public static IServiceCollection AddClusterCache(this IServiceCollection services, bool ingest)
    {
        services.AddOptions<ClusterCacheOptions>()
            .BindConfiguration(ClusterCacheOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterCacheDatabase>();
        services.TryAddSingleton<ResourceCounts>();
        services.TryAddSingleton<ClusterCacheReader>();
        services.TryAddSingleton<ResourceChangeFeed>();
        services.TryAddSingleton<ClusterCacheWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterCacheWriter>());
        if (ingest)
        {
            services.TryAddSingleton<MeshSyncCacheWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<MeshSyncCacheWorker>());
        }

        return services;
    }
}
