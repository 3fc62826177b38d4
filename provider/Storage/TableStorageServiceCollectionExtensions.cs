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
using Meshery.Provider.Storage.Connections;
using Meshery.Provider.Storage.Credentials;
using Meshery.Provider.Storage.Designs;
using Meshery.Provider.Storage.Environments;
using Meshery.Provider.Storage.Events;
using Meshery.Provider.Storage.Organizations;
using Meshery.Provider.Storage.Performance;
using Meshery.Provider.Storage.Preferences;
using Meshery.Provider.Storage.Tables;
using Meshery.Provider.Storage.Users;
using Meshery.Provider.Storage.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the hosted stores: every capability interface over Azure Table storage (and Blob
    /// storage for large documents), configured from <see cref="TableStorageOptions.Section"/> and
    /// checked at start; tables and containers are created at start and on first use.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TableStorageOptions>()
            .BindConfiguration(TableStorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContinuationCache>();
        services.TryAddSingleton<TableStorage>();
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddSingleton<EnvironmentConnectionMap>();
        services.TryAddSingleton<TableCredentialStore>();
        services.TryAddSingleton<TablePerformanceResultStore>();
        services.TryAddSingleton<TableUserProfileStore>();
        services.TryAddSingleton<IPreferencesStore, TablePreferencesStore>();
        services.TryAddSingleton<IUserProfileStore>(sp => sp.GetRequiredService<TableUserProfileStore>());
        services.TryAddSingleton<IOrganizationStore, TableOrganizationStore>();
        services.TryAddSingleton<TableEnvironmentStore>();
        services.TryAddSingleton<IEnvironmentStore>(sp => sp.GetRequiredService<TableEnvironmentStore>());
        services.TryAddSingleton<IWorkspaceStore, TableWorkspaceStore>();
        services.TryAddSingleton<IConnectionStore, TableConnectionStore>();
        services.TryAddSingleton<ICredentialStore>(sp => sp.GetRequiredService<TableCredentialStore>());
        services.TryAddSingleton<IPerformanceProfileStore, TablePerformanceProfileStore>();
        services.TryAddSingleton<IPerformanceResultStore>(sp => sp.GetRequiredService<TablePerformanceResultStore>());
        services.TryAddSingleton<IDesignStore, TableDesignStore>();
        services.TryAddSingleton<IEventStore, TableEventStore>();
        services.AddHostedService<TableStorageInitializer>();
        return services;
    }
}
