using System.Net;
using Meshery.Agent.Adapters.Clusters;
using Meshery.Agent.Adapters.Events;
using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Hosting;

public static class AdapterServiceCollectionExtensions
{
    /// <summary>Upstream's variable for the server to register with.</summary>
    public const string ServerVariable = "MESHERY_SERVER";

    /// <summary>Upstream's variable for the host name the adapter registers under.</summary>
    public const string ServiceAddressVariable = "SERVICE_ADDR";

    /// <summary>
    /// Registers the adapter: <see cref="AdapterOptions"/> from <c>Meshery:Adapter</c> (checked at start), its
    /// operations (<c>custom</c>, <c>httpbin</c>, <c>label-namespace</c>), the gRPC listener and the registration.
    /// </summary>
    public static IServiceCollection AddMesheryAdapter(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AdapterOptions>()
            .BindConfiguration(AdapterOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                o.ServerUrl = configuration[ServerVariable] is { Length: > 0 } server ? server : o.ServerUrl;
                o.ServiceAddress = configuration[ServiceAddressVariable] is { Length: > 0 } address ? address : o.ServiceAddress;

                // Set here, not as the list's initial value: binding would add the configured versions to it.
                if (o.MeshVersions.Count == 0)
                {
                    o.MeshVersions.Add(AdapterOptions.DefaultMeshVersion);
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Host is "*" or "+" || string.Equals(o.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(o.Host, out _),
                $"{AdapterOptions.Section}:Host must be *, localhost or an IP address.")
            .Validate(o => Uri.TryCreate(o.ServerUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                $"{AdapterOptions.Section}:ServerUrl ({ServerVariable}) must be an absolute http(s) URL such as http://localhost:9081.")
            .Validate(o => o.RegistrationInitialBackoff > TimeSpan.Zero && o.RegistrationInitialBackoff <= o.RegistrationMaxBackoff,
                $"{AdapterOptions.Section}:RegistrationInitialBackoff must be positive and not exceed RegistrationMaxBackoff.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdapterEventHub>();
        services.TryAddSingleton<ClusterConnector>();
        services.AddSingleton<IAdapterOperation, CustomOperation>();
        services.AddSingleton<IAdapterOperation>(new SampleApplicationOperation(SampleApplicationOperation.HttpBin, "httpbin sample application"));
        services.AddSingleton<IAdapterOperation, LabelNamespaceOperation>();
        services.TryAddSingleton<OperationCatalog>();
        services.TryAddSingleton<OperationRunner>();
        services.TryAddSingleton<AdapterServer>();
        services.AddHostedService(sp => sp.GetRequiredService<AdapterServer>());
        services.AddHttpClient(nameof(AdapterRegistrationWorker), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<AdapterRegistrationWorker>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AdapterRegistrationWorker))));
        services.AddHostedService(sp => sp.GetRequiredService<AdapterRegistrationWorker>());
        return services;
    }
}
