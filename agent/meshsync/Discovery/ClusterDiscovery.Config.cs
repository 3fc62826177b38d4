using System.Text.Json;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Discovery;

public sealed partial class ClusterDiscovery
{
    /// <summary>
    /// Starts the informer of the <c>meshsyncs.meshery.io</c> resource (namespace-scoped) and waits, briefly, for
    /// its first answer. Absent (no CRD, no object) or forbidden means the defaults; it keeps watching either way.
    /// </summary>
    private async Task LoadConfigAsync(CancellationToken cancellationToken)
    {
        var settings = _settings with { NotFoundRetry = _options.ConfigRetryInterval, ForbiddenRetry = _options.ConfigRetryInterval };
        _configInformer = NewInformer(new ResourceType(ConfigKey, "MeshSync", Namespaced: true), _options.ConfigNamespace, settings);
        _configInformer.Start();
        try
        {
            await _configInformer.FirstList.WaitAsync(_options.ListTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the API server is slow or away: start with the defaults, the informer applies the config when it comes
        }
    }

    private async Task OnConfigChangeAsync(string eventType, StoredResource resource, JsonElement raw, CancellationToken cancellationToken)
    {
        WatchListConfig next;
        if (eventType == MeshSyncEventTypes.Deleted)
        {
            if (resource.Uid != _configUid)
            {
                return;
            }

            _configUid = null;
            next = WatchListConfig.Default;
        }
        else
        {
            var name = raw.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (name != _options.ConfigName)
            {
                return;
            }

            _configUid = resource.Uid;
            try
            {
                next = WatchListConfig.FromSpec(raw.TryGetProperty("spec", out var spec) ? spec : default);
            }
            catch (JsonException e)
            {
                MeshSyncLog.ConfigInvalid(_logger, _options.ConfigNamespace, _options.ConfigName, _config.ToString(), e.Message);
                return;
            }
        }

        if (next.ToString() == _config.ToString() && next.IsWhitelist == _config.IsWhitelist)
        {
            _config = next;
            return;
        }

        _config = next;
        MeshSyncLog.ConfigApplied(_logger, next.ToString());

        // Reconcile off the config informer's loop: stopping informers may take a moment.
        _ = Task.Run(() => ReconcileQuietlyAsync(_stop.Token), CancellationToken.None);
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
