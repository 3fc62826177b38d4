using Meshery.Agent.LocalProvider.Capabilities;
using Meshery.Agent.LocalProvider.Connections;
using Meshery.Agent.LocalProvider.Credentials;
using Meshery.Agent.LocalProvider.Designs;
using Meshery.Agent.LocalProvider.Environments;
using Meshery.Agent.LocalProvider.Events;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Organizations;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.Agent.LocalProvider.Performance;
using Meshery.Agent.LocalProvider.Preferences;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.Agent.LocalProvider.Workspaces;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.ExtensionPoints.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.LocalProvider;

public static class LocalProviderServiceCollectionExtensions
{
    /// <summary>Registers the Local provider: every capability interface over one SQLite file.</summary>
    public static IServiceCollection AddLocalProvider(this IServiceCollection services)
    {
        services.AddOptions<LocalProviderOptions>()
            .BindConfiguration(LocalProviderOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), $"{LocalProviderOptions.Section}:DatabasePath must name a file.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSettings>();
        services.TryAddSingleton<LocalDatabase>();
        services.TryAddSingleton<SqliteOutbox>();
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddSingleton<SqliteCredentialStore>();
        services.TryAddSingleton<ICapabilitiesSource, LocalCapabilities>();
        services.TryAddSingleton<IPreferencesStore, SqlitePreferencesStore>();
        services.TryAddSingleton<IUserProfileStore, LocalUserProfileStore>();
        services.TryAddSingleton<IOrganizationStore, SqliteOrganizationStore>();
        services.TryAddSingleton<IEnvironmentStore, SqliteEnvironmentStore>();
        services.TryAddSingleton<IWorkspaceStore, SqliteWorkspaceStore>();
        services.TryAddSingleton<IConnectionStore, SqliteConnectionStore>();
        services.TryAddSingleton<ICredentialStore>(sp => sp.GetRequiredService<SqliteCredentialStore>());
        services.TryAddSingleton<IPerformanceProfileStore, SqlitePerformanceProfileStore>();
        services.TryAddSingleton<IPerformanceResultStore, SqlitePerformanceResultStore>();
        services.TryAddSingleton<IDesignStore, SqliteDesignStore>();
        services.TryAddSingleton<IEventStore, SqliteEventStore>();
        return services;
    }
}
