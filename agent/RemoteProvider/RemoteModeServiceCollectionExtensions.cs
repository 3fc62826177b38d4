using Meshery.Agent.Providers;
using Meshery.Agent.Providers.Routing;
using Meshery.Agent.RemoteProvider.Registration;
using Meshery.Agent.RemoteProvider.Tokens;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Serving;
using Meshery.ExtensionPoints.Users;
using Meshery.ExtensionPoints.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider;

public static class RemoteModeServiceCollectionExtensions
{
    /// <summary>The key under which the Local provider's stores stay registered beside the routed ones.</summary>
    public const string LocalKey = "local";

    /// <summary>
    /// Registers the sign-in services, and, when <c>Meshery:Agent:RemoteProvider:Url</c> is set, the remote
    /// provider client beside the Local provider: every capability interface becomes a router that sends a
    /// caller with a token to the remote provider and the local user to SQLite, so the same handlers serve
    /// both modes. Call after <c>AddLocalProvider</c>.
    /// </summary>
    public static IServiceCollection AddRemoteMode(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RemoteModeOptions>().BindConfiguration(RemoteModeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteModeOptions>, RemoteModeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderSessionClient>();
        services.TryAddSingleton<ProviderKeyCache>();
        services.TryAddSingleton<SessionValidator>();
        services.TryAddSingleton<ProviderSelector>();
        services.TryAddSingleton<RemoteProviderCatalog>();
        services.TryAddSingleton<AgentRegistration>();
        services.AddHttpClient(RemoteProviderOptions.HttpClientName);

        var remote = configuration.GetSection(RemoteModeOptions.Section).Get<RemoteModeOptions>() ?? new RemoteModeOptions();
        if (!remote.IsEnabled)
        {
            return services;
        }

        // The client is built now from these values, so bad ones must stop start-up here, naming the key.
        var check = new RemoteModeOptionsValidator().Validate(null, remote);
        if (check.Failed)
        {
            throw new OptionsValidationException(RemoteModeOptions.Section, typeof(RemoteModeOptions), check.Failures);
        }

        CaptureLocal<ICapabilitiesSource>(services);
        CaptureLocal<IPreferencesStore>(services);
        CaptureLocal<IUserProfileStore>(services);
        CaptureLocal<IOrganizationStore>(services);
        CaptureLocal<IEnvironmentStore>(services);
        CaptureLocal<IWorkspaceStore>(services);
        CaptureLocal<IConnectionStore>(services);
        CaptureLocal<ICredentialStore>(services);
        CaptureLocal<IPerformanceProfileStore>(services);
        CaptureLocal<IPerformanceResultStore>(services);
        CaptureLocal<IDesignStore>(services);
        CaptureLocal<IEventStore>(services);
        services.AddRemoteProviderClient(new RemoteProviderOptions
        {
            BaseAddress = remote.ProviderAddress(),
            Build = remote.ServerVersion is { Length: > 0 } version ? version : ServerStatus.AgentBuild.Version,
            Timeout = remote.Timeout,
        });
        Route<ICapabilitiesSource>(services, (l, c) => new RoutedCapabilitiesSource(l, c));
        Route<IPreferencesStore>(services, (l, c) => new RoutedPreferencesStore(l, c.Preferences));
        Route<IUserProfileStore>(services, (l, c) => new RoutedUserProfileStore(l, c.Users));
        Route<IOrganizationStore>(services, (l, c) => new RoutedOrganizationStore(l, c.Organizations));
        Route<IEnvironmentStore>(services, (l, c) => new RoutedEnvironmentStore(l, c.Environments));
        Route<IWorkspaceStore>(services, (l, c) => new RoutedWorkspaceStore(l, c.Workspaces));
        Route<IConnectionStore>(services, (l, c) => new RoutedConnectionStore(l, c.Connections));
        Route<ICredentialStore>(services, (l, c) => new RoutedCredentialStore(l, c.Credentials));
        Route<IPerformanceProfileStore>(services, (l, c) => new RoutedPerformanceProfileStore(l, c.PerformanceProfiles));
        Route<IPerformanceResultStore>(services, (l, c) => new RoutedPerformanceResultStore(l, c.PerformanceResults));
        Route<IDesignStore>(services, (l, c) => new RoutedDesignStore(l, c.Designs));
        Route<IEventStore>(services, (l, c) => new RoutedEventStore(l, c.Events));

        services.Replace(ServiceDescriptor.Singleton<IContractCallerResolver, AgentCallerResolver>());
        services.AddHostedService<RemoteProviderStartup>();
        services.AddHostedService<AgentRegistrationWorker>();
        return services;
    }

    /// <summary>Keeps the Local provider's registration of <typeparamref name="T"/> under <see cref="LocalKey"/>.</summary>
    private static void CaptureLocal<T>(IServiceCollection services)
        where T : class
    {
        var local = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Local registration: call AddLocalProvider before AddRemoteMode.");
        services.Add(
            local.ImplementationInstance is { } instance ? ServiceDescriptor.KeyedSingleton(typeof(T), LocalKey, instance)
            : local.ImplementationFactory is { } factory ? ServiceDescriptor.KeyedSingleton(typeof(T), LocalKey, (sp, _) => factory(sp))
            : ServiceDescriptor.KeyedSingleton(typeof(T), LocalKey, local.ImplementationType!));
    }

    private static void Route<T>(IServiceCollection services, Func<T, RemoteProviderClient, T> route)
        where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(sp => route(sp.GetRequiredKeyedService<T>(LocalKey), sp.GetRequiredService<RemoteProviderClient>()));
    }
}
