using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Creates the tables and containers as the host starts, so a misconfigured account shows at once in
/// the log. It runs beside start-up rather than before it: an unreachable account neither delays the
/// host nor stops it (the stores create what is missing on first use), and a host told to stop while
/// this still runs stops cleanly.
/// </summary>
public sealed class TableStorageInitializer(TableStorage storage, ILogger<TableStorageInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!storage.Options.CreateOnStart)
        {
            return;
        }

        try
        {
            await storage.EnsureCreatedAsync(stoppingToken);
        }
        catch (ProviderException ex)
        {
            TableStorageLog.StartFailed(logger, ex);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the account answered: nothing to do.
        }
    }
}
