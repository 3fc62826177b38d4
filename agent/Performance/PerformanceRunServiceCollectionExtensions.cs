using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Performance;

public static class PerformanceRunServiceCollectionExtensions
{
    /// <summary>The run endpoint's client of Meshery Perf, with <see cref="PerfClientOptions"/> from <c>Meshery:Agent:Perf</c>.</summary>
    public static IServiceCollection AddPerformanceRuns(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PerfClientOptions>()
            .BindConfiguration(PerfClientOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Address) || (Uri.TryCreate(o.Address, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                $"{PerfClientOptions.Section}:Address must be an absolute http(s) URL such as {PerfClientOptions.DefaultAddress}.")
            .Validate(o => o.ConnectTimeout > TimeSpan.Zero, $"{PerfClientOptions.Section}:ConnectTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<PerfRunClient>();
        return services;
    }
}
