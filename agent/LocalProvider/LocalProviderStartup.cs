using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.LocalProvider;

/// <summary>
/// Opens and migrates the local database when the agent starts. A locked or corrupt file does not
/// stop the process: readiness reports why, and every call answers 503 with the same reason.
/// </summary>
public sealed class LocalProviderStartup(LocalDatabase database, ILogger<LocalProviderStartup> logger) : IHostedService
{
    private volatile string _status = "starting";
    private volatile bool _ready;

    public bool IsReady => _ready;

    public string Status => _status;

    public Task StartAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>Tries (again) to open the database; cheap once it has succeeded.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        try
        {
            await database.EnsureMigratedAsync(cancellationToken);
            _status = "ready: " + database.DatabasePath;
            _ready = true;
            LocalProviderLog.Ready(logger, database.DatabasePath);
        }
        catch (ProviderException ex)
        {
            _status = ex.Message;
            LocalProviderLog.StartFailed(logger, ex.Message, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
