using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Broker;
using Meshery.Agent.ClusterCache;
using Meshery.Agent.Connections;
using Meshery.Agent.Designs;
using Meshery.Agent.Environments;
using Meshery.Agent.Events;
using Meshery.Agent.Kubernetes;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.LocalProvider;
using Meshery.Agent.MeshAdapters;
using Meshery.Agent.Operator;
using Meshery.Agent.Performance;
using Meshery.Agent.Providers;
using Meshery.Agent.Registry;
using Meshery.Agent.RemoteProvider;
using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Agent.ServerStatus;
using Meshery.Agent.Sync;
using Meshery.Agent.Telemetry;
using Meshery.Agent.Users;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Hosting;

/// <summary>Composes the agent: its server on 9081 over the configured provider (Local by default).</summary>
public static class AgentApplication
{
    /// <summary>Builds the agent; <paramref name="configure"/> may adjust the services before they are built (tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddMesheryAgent();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapMesheryAgent();
        return app;
    }

    public static IHostApplicationBuilder AddMesheryAgent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var agent = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://{agent.Host}:{agent.Port}");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = agent.MaxRequestBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = agent.RequestHeadersTimeout;
        });

        var services = builder.Services;
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => MesheryJson.Apply(o.SerializerOptions, AgentJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProviderExceptionHandler>();
        services.AddLocalProvider();
        services.TryAddSingleton<LocalProviderStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalProviderStartup>());
        services.TryAddSingleton<IContractCallerResolver, LocalCallerResolver>();
        services.TryAddSingleton<AgentInstance>();
        services.AddRemoteMode(builder.Configuration);
        var remote = builder.Configuration.GetSection(RemoteModeOptions.Section).Get<RemoteModeOptions>() ?? new RemoteModeOptions();
        services.AddAgentSync(remote.IsEnabled);
        services.AddOptions<ContractHttpOptions>()
            .Configure<IOptions<AgentOptions>>((limits, agentOptions) => limits.MaxRequestBodyBytes = agentOptions.Value.MaxRequestBodyBytes);
        AddModules(builder);
        services.AddTelemetryConnections();

        // After the modules: the adapter registry finds this process's own adapter, when that module is on.
        services.AddMeshAdapters();
        services.AddComponentRegistry();
        services.AddPerformanceRuns();
        return builder;
    }

    public static IEndpointRouteBuilder MapMesheryAgent(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (app.Services.GetRequiredService<IOptions<RemoteModeOptions>>().Value.IsEnabled)
        {
            app.UseMiddleware<RemoteSessionMiddleware>();
        }

        app.MapSystemEndpoints();
        app.MapSyncEndpoints();
        app.MapProviderEndpoints();
        app.MapSignInEndpoints();
        app.MapUserEndpoints();
        app.MapEnvironmentEndpoints();
        app.MapConnectionEndpoints();
        app.MapPerformanceEndpoints();
        app.MapDesignEndpoints();
        app.MapEventEndpoints();
        app.MapClusterCacheEndpoints();
        app.MapKubernetesEndpoints();
        app.MapTelemetryEndpoints();
        app.MapMeshAdapterEndpoints();
        app.MapRegistryEndpoints();
        return app;
    }

    /// <summary>The broker, the cluster cache, Kubernetes connections, the operator, the adapter and Meshery Perf, as <c>Meshery:Agent:Modules</c> switches them.</summary>
    private static void AddModules(WebApplicationBuilder builder)
    {
        var modules = builder.Configuration.GetSection(AgentModulesOptions.Section).Get<AgentModulesOptions>() ?? new AgentModulesOptions();
        builder.Services.AddOptions<AgentModulesOptions>().BindConfiguration(AgentModulesOptions.Section);
        if (modules.Broker)
        {
            builder.Services.AddMesheryBroker();
        }

        builder.Services.AddClusterCache(ingest: modules.Broker);
        builder.Services.AddKubernetesConnections(discovery: modules.Discovery && modules.Broker);
        if (modules.Operator)
        {
            builder.Services.AddMesheryOperator();
        }

        if (modules.Adapters)
        {
            builder.Services.AddMesheryAdapter();
        }

        if (modules.Perf)
        {
            builder.Services.AddMesheryPerf();
        }
    }
}
