using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.MeshAdapters;

public static class MeshAdapterServiceCollectionExtensions
{
    /// <summary>Upstream server's variable listing adapter locations.</summary>
    public const string AdapterUrlsVariable = "ADAPTER_URLS";

    /// <summary>
    /// Registers the agent's side of adapters (Meshery Server's role): <see cref="MeshAdapterOptions"/>, the registry
    /// that watches each adapter, the operation log and the event recorder. Register after the adapter module, so the
    /// registry finds this process's own adapter listening.
    /// </summary>
    public static IServiceCollection AddMeshAdapters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MeshAdapterOptions>()
            .BindConfiguration(MeshAdapterOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (configuration[AdapterUrlsVariable] is { Length: > 0 } urls)
                {
                    o.Locations.AddRange(urls.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.LivenessInterval > TimeSpan.Zero && o.CallTimeout > TimeSpan.Zero && o.SubscribeTimeout > TimeSpan.Zero,
                $"{MeshAdapterOptions.Section}: LivenessInterval, CallTimeout and SubscribeTimeout must be positive.")
            .Validate(o => o.ReconnectDelay >= TimeSpan.Zero, $"{MeshAdapterOptions.Section}:ReconnectDelay must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdapterOperationLog>();
        services.TryAddSingleton<AdapterEventRecorder>();
        services.TryAddSingleton<MeshAdapterRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<MeshAdapterRegistry>());
        return services;
    }
}
