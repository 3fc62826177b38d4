using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Serving;
using Meshery.Provider.Auth;
using Meshery.Provider.Capabilities;
using Meshery.Provider.Storage;
using Meshery.Provider.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Meshery.Provider.Hosting;

public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Everything both provider hosts share: options checked at start, JSON rules, the token
    /// validator, the capabilities document and the hosted stores.
    /// </summary>
    public static IHostApplicationBuilder AddMesheryProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProviderTokenOptions>()
            .BindConfiguration(ProviderTokenOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SigningKeys.Count > 0, $"{ProviderTokenOptions.Section}:SigningKeys must name at least one key.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderTokenValidator>();
        services.TryAddSingleton<IContractCallerResolver, PrincipalCallerResolver>();
        services.AddOptions<ContractHttpOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ProviderOptions>>((limits, provider) => limits.MaxRequestBodyBytes = provider.Value.MaxRequestBodyBytes);
        services.TryAddSingleton<ICapabilitiesSource, HostedCapabilities>();
        services.ConfigureHttpJsonOptions(o => MesheryJson.Apply(o.SerializerOptions, ProviderJsonContext.Default));
        services.AddProblemDetails();
        services.AddTableStorage();
        services.AddSyncIngestion();
        return builder;
    }
}
