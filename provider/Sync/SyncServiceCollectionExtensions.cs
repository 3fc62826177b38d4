using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Provider.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>Registers sync ingestion (the ledger, the applier, its limits) over the hosted stores.</summary>
    public static IServiceCollection AddSyncIngestion(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncIngestionOptions>().BindConfiguration(SyncIngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SyncLedger>();
        services.TryAddSingleton<SyncApplier>();
        return services;
    }
}
