using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>Registers the in-memory registry of registrants and components with its limits (<c>Meshery:Agent:Registry</c>).</summary>
    public static IServiceCollection AddComponentRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ComponentRegistry>();
        return services;
    }
}
