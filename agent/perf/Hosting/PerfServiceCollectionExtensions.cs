using System.Net;
using Meshery.Agent.Perf.Load;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Perf.Hosting;

public static class PerfServiceCollectionExtensions
{
    /// <summary>The load generators alone (<see cref="LoadRunner"/> with <see cref="PerfOptions"/> checked at start), without a listener.</summary>
    public static IServiceCollection AddLoadGenerators(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PerfOptions>()
            .BindConfiguration(PerfOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Host is "*" || string.Equals(o.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(o.Host, out _),
                $"{PerfOptions.Section}:Host must be *, localhost or an IP address.")
            .Validate(o => o.MaxDuration > TimeSpan.Zero, $"{PerfOptions.Section}:MaxDuration must be positive.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{PerfOptions.Section}:RequestTimeout must be positive.")
            .Validate(o => o.ProgressInterval >= TimeSpan.FromMilliseconds(50), $"{PerfOptions.Section}:ProgressInterval must be at least 50 ms.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LoadRunner>();
        services.TryAddSingleton<Meshery.Agent.Perf.Service.TestSlots>();
        return services;
    }

    /// <summary>Meshery Perf: the load generators served as gRPC <c>meshery.perf.v1.PerfService</c> on <c>Meshery:Perf:Port</c> (10013).</summary>
    public static IServiceCollection AddMesheryPerf(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLoadGenerators();
        services.TryAddSingleton<PerfServer>();
        services.AddHostedService(sp => sp.GetRequiredService<PerfServer>());
        return services;
    }
}
