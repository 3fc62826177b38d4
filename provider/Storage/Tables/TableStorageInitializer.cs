using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Creates the tables and containers when the host starts, so a misconfigured account shows at once.
/// A failure is logged, not fatal: the stores create what is missing on first use.
/// </summary>
public sealed class TableStorageInitializer(TableStorage storage, ILogger<TableStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!storage.Options.CreateOnStart)
        {
            return;
        }

        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
        }
        catch (ProviderException ex)
        {
            TableStorageLog.StartFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
