using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshSync;

public static class MeshSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers MeshSync: <see cref="MeshSyncOptions"/> from <c>Meshery:MeshSync</c> (validated at start), the
    /// <see cref="MeshSyncWorker"/> and the health listener on <c>HealthPort</c>.
    /// </summary>
    public static IServiceCollection AddMeshSync(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MeshSyncOptions>()
            .BindConfiguration(MeshSyncOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshSyncOptions>, MeshSyncOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MeshSyncReadiness>();
        services.AddHostedService<MeshSyncHealthServer>();
        services.AddHostedService<MeshSyncWorker>();
        return services;
    }
}
