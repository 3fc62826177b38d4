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
using Microsoft.Extensions.Logging;

namespace Meshery.ExtensionPoints.Client;

public static class RemoteProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the remote provider client as every capability interface (replacing any earlier
    /// registration, such as the Local provider's) over the named <see cref="IHttpClientFactory"/>
    /// client <see cref="RemoteProviderOptions.HttpClientName"/>. Returns that client's builder so
    /// handlers can be added.
    /// </summary>
    public static IHttpClientBuilder AddRemoteProviderClient(this IServiceCollection services, RemoteProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<RemoteProviderClient>();
        services.AddSingleton(sp => new RemoteProviderClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            RemoteProviderOptions.HttpClientName,
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<RemoteProviderClient>>()));
        Replace<ICapabilitiesSource>(services, c => c);
        Replace<IPreferencesStore>(services, c => c.Preferences);
        Replace<IUserProfileStore>(services, c => c.Users);
        Replace<IOrganizationStore>(services, c => c.Organizations);
        Replace<IEnvironmentStore>(services, c => c.Environments);
        Replace<IWorkspaceStore>(services, c => c.Workspaces);
        Replace<IConnectionStore>(services, c => c.Connections);
        Replace<ICredentialStore>(services, c => c.Credentials);
        Replace<IPerformanceProfileStore>(services, c => c.PerformanceProfiles);
        Replace<IPerformanceResultStore>(services, c => c.PerformanceResults);
        Replace<IDesignStore>(services, c => c.Designs);
        Replace<IEventStore>(services, c => c.Events);

        // The client enforces its own per-call timeout and answer size; the factory's must not cut in first.
        return services.AddHttpClient(RemoteProviderOptions.HttpClientName, client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = Math.Min(int.MaxValue, options.MaxResponseBytes);
        });
    }

    private static void Replace<T>(IServiceCollection services, Func<RemoteProviderClient, T> select)
        where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(sp => select(sp.GetRequiredService<RemoteProviderClient>()));
    }
}
