using Meshery.Agent.Telemetry.Grafana;
using Meshery.Agent.Telemetry.Prometheus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers Grafana and Prometheus connections: the clients (no redirects, limits from <see cref="TelemetryOptions"/>) and the ongoing Prometheus check.</summary>
    public static IServiceCollection AddTelemetryConnections(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Redirects are not followed: a server must not send the agent (and the key) to another host. Timeouts are per call.
        services.AddHttpClient(UpstreamClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton<UpstreamClient>();
        services.TryAddSingleton<GrafanaClient>();
        services.TryAddSingleton<PrometheusClient>();
        services.TryAddSingleton<TelemetryProbe>();
        services.TryAddSingleton<TelemetryCallers>();
        services.TryAddSingleton<TelemetryConnections>();
        services.AddHostedService<PrometheusMonitorWorker>();
        return services;
    }
}
