using Meshery.Agent.Hosting;
using Meshery.Agent.LocalProvider.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The agent -> provider sync: the Local provider's outbox records changes (by default whenever a remote
    /// provider is configured) with this agent as their source, and <see cref="SyncWorker"/> sends them.
    /// Call after <c>AddLocalProvider</c> and <c>AddRemoteMode</c>.
    /// </summary>
    public static IServiceCollection AddAgentSync(this IServiceCollection services, bool remoteConfigured)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().PostConfigure<AgentInstance>((outbox, instance) =>
        {
            outbox.Enabled ??= remoteConfigured;
            outbox.Source = $"/agents/{instance.Id:D}";
        });
        services.TryAddSingleton<SyncSessions>();
        services.TryAddSingleton<SyncProgress>();
        services.TryAddSingleton<OutboxEvents>();
        if (remoteConfigured)
        {
            services.AddHostedService<SyncWorker>();
        }

        return services;
    }
}
