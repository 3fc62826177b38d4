using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.RemoteProvider;

/// <summary>Loads the provider's capabilities at start (Meshery's ten tries, 3 s apart) without holding up the agent.</summary>
public sealed class RemoteProviderStartup(RemoteProviderClient client, RemoteProviderCatalog catalog, ILogger<RemoteProviderStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            catalog.Loaded = await client.GetCapabilitiesAsync(null, stoppingToken);
        }
        catch (ProviderException ex)
        {
            RemoteModeLog.CapabilitiesUnavailable(logger, ex.Message);
        }
    }
}
