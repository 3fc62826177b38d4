using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using Meshery.Agent.Operator.LeaderElection;
using Meshery.Agent.Operator.Reconcile;
using Meshery.Agent.Operator.Watching;
using Meshery.Deploy.Install;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Operator;

/// <summary>
/// The operator: while it holds the lease it watches Broker and MeshSync resources (and the StatefulSets and
/// Deployments it made) and reconciles each changed resource, one at a time. Losing the lease stops all of it.
/// </summary>
public sealed partial class MesheryOperator
{
    private readonly KubeRest _rest;
    private readonly OperatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LeaseElector _elector;
    private readonly BrokerReconciler _brokers;
    private readonly MeshSyncReconciler _meshSyncs;
    private readonly TimeSpan _renewDeadline;
    private readonly ConcurrentDictionary<string, byte> _knownMeshSyncs = new(StringComparer.Ordinal);
    private Channel<(string Kind, string Name)> _queue = Channel.CreateUnbounded<(string, string)>();
    private ConcurrentDictionary<(string, string), byte> _pending = new();
    private long _reconciles;
    private volatile bool _isLeader;

    public MesheryOperator(IKubernetes client, OperatorOptions options, TimeProvider time, ILogger<MesheryOperator> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _rest = new KubeRest(client);
        _options = options;
        _time = time;
        _logger = logger;
        var identity = string.IsNullOrWhiteSpace(options.Identity) ? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(63, Environment.MachineName.Length + 33)] : options.Identity;
        _elector = new LeaseElector(client, options.Namespace, options.LeaseName, identity, options.LeaseDuration, time);
        _brokers = new BrokerReconciler(_rest, options, time, logger);
        _meshSyncs = new MeshSyncReconciler(_rest, options, time, logger);
        _renewDeadline = TimeSpan.FromTicks(Math.Min(options.RenewDeadline.Ticks, options.LeaseDuration.Ticks * 2 / 3));
    }

    public string Identity => _elector.Identity;

    /// <summary>Whether this replica holds the lease and reconciles.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>How many reconciles this replica has run (a follower's stays 0).</summary>
    public long Reconciles => Interlocked.Read(ref _reconciles);

    /// <summary>Campaigns for the lease and reconciles while holding it, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var attempted = _time.GetUtcNow();
                if (await TryLeadAsync(cancellationToken).ConfigureAwait(false))
                {
                    await LeadAsync(attempted, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(_options.RetryInterval, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            if (_isLeader && _options.ReleaseOnStop)
            {
                _isLeader = false;
                using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _elector.ReleaseAsync(release.Token).ConfigureAwait(false);
                    OperatorLog.Released(_logger, _options.Namespace, _options.LeaseName);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
                {
                    OperatorLog.LeaseError(_logger, _options.Namespace, _options.LeaseName, e.Message);
                }
            }

            _isLeader = false;
        }
    }

    private async Task<bool> TryLeadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _elector.TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            OperatorLog.LeaseError(_logger, _options.Namespace, _options.LeaseName, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Runs the watches and the reconcile loop, renewing the lease, until a renewal fails, one does not finish within
    /// the renew deadline counted from the start of the last good one (<paramref name="renewed"/> at first), or the host stops.
    /// </summary>
    private async Task LeadAsync(DateTimeOffset renewed, CancellationToken cancellationToken)
    {
        _isLeader = true;
        OperatorLog.BecameLeader(_logger, Identity, _options.Namespace, _options.LeaseName);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
        _pending = new();
        var work = new List<Task>
        {
            Watch(CustomResources.Brokers.CollectionPath(_options.Namespace), null, OnBroker, leading.Token),
            Watch(CustomResources.MeshSyncs.CollectionPath(_options.Namespace), null, OnMeshSync, leading.Token),
            Watch(ResourceKind.Of("apps/v1", "StatefulSet").CollectionPath(_options.Namespace), ManagedBySelector, OnChild, leading.Token),
            Watch(ResourceKind.Of("apps/v1", "Deployment").CollectionPath(_options.Namespace), ManagedBySelector, OnChild, leading.Token),
            Task.Run(() => ProcessQueueAsync(leading.Token), CancellationToken.None),
        };
        try
        {
            while (true)
            {
                await Task.Delay(_options.RenewInterval, _time, cancellationToken).ConfigureAwait(false);
                var attempted = _time.GetUtcNow();
                if (!await TryRenewAsync(renewed + _renewDeadline - attempted, cancellationToken).ConfigureAwait(false))
                {
                    OperatorLog.LostLease(_logger, Identity, _options.Namespace, _options.LeaseName);
                    break;
                }

                renewed = attempted;
            }
        }
        finally
        {
            _isLeader = false;
            await leading.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(work.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default))).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                _isLeader = false;
            }
        }
    }

    /// <summary>Renews the lease unless <paramref name="left"/> runs out first (then this replica must stop acting).</summary>
    private async Task<bool> TryRenewAsync(TimeSpan left, CancellationToken cancellationToken)
    {
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        using var deadline = new CancellationTokenSource(left, _time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await TryLeadAsync(attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            OperatorLog.LeaseError(_logger, _options.Namespace, _options.LeaseName, $"the renewal did not finish within the renew deadline ({_renewDeadline})");
            return false;
        }
    }

    private static string ManagedBySelector => $"{BundleApplier.ManagedByLabel}={BundleApplier.OperatorManager}";

    private Task Watch(string path, string? selector, Func<JsonObject, CancellationToken, ValueTask> onObject, CancellationToken cancellationToken) =>
        Task.Run(() => new ResourceWatch(_rest, path, selector, onObject, _options, _time, _logger).RunAsync(cancellationToken), CancellationToken.None);

    private ValueTask OnBroker(JsonObject broker, CancellationToken cancellationToken)
    {
        Enqueue(MesheryKinds.Broker, Name(broker));
        foreach (var meshSync in _knownMeshSyncs.Keys)
        {
            Enqueue(MesheryKinds.MeshSync, meshSync);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnMeshSync(JsonObject meshSync, CancellationToken cancellationToken)
    {
        _knownMeshSyncs.TryAdd(Name(meshSync), 0);
        Enqueue(MesheryKinds.MeshSync, Name(meshSync));
        return ValueTask.CompletedTask;
    }

    private ValueTask OnChild(JsonObject child, CancellationToken cancellationToken)
    {
        foreach (var owner in (child["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)owner["apiVersion"] is { } apiVersion && apiVersion.StartsWith(MesheryKinds.Group + "/", StringComparison.Ordinal)
                && (string?)owner["kind"] is MesheryKinds.Broker or MesheryKinds.MeshSync)
            {
                Enqueue((string)owner["kind"]!, (string?)owner["name"] ?? string.Empty);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Enqueue(string kind, string name)
    {
        if (name.Length > 0 && _pending.TryAdd((kind, name), 0))
        {
            _queue.Writer.TryWrite((kind, name));
        }
    }

    private static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? string.Empty;
}
