using Meshery.Agent.ServerStatus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Meshery.Agent.Broker;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the broker module: the child <c>nats-server</c> (when no URL is configured) and one shared
    /// <see cref="INatsConnection"/>. Register it before anything that uses the connection, so the child
    /// broker starts first and stops last.
    /// </summary>
    public static IServiceCollection AddMesheryBroker(this IServiceCollection services)
    {
        services.AddOptions<BrokerOptions>()
            .BindConfiguration(BrokerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.StartsChild || Uri.TryCreate(o.Url, UriKind.Absolute, out _), $"{BrokerOptions.Section}:Url must be an absolute URL such as nats://127.0.0.1:4222.")
            .Validate(o => o.ReconnectWaitMin <= o.ReconnectWaitMax, $"{BrokerOptions.Section}:ReconnectWaitMin must not exceed ReconnectWaitMax.")
            .ValidateOnStart();
        services.TryAddSingleton<NatsServerProcess>();
        services.AddHostedService(sp => sp.GetRequiredService<NatsServerProcess>());
        services.TryAddSingleton<INatsConnection>(sp =>
            BrokerConnectionFactory.Create(sp.GetRequiredService<IOptions<BrokerOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IReadinessCheck, BrokerReadinessCheck>();
        return services;
    }
}
