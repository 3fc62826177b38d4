using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Agent.Hosting;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Kubernetes;

/// <summary>
/// Saves kubeconfig contexts as connections (one per context, after a connectivity test), keeps each
/// connection's status in step with its cluster, and starts discovery for every connected cluster.
/// </summary>
public sealed partial class KubernetesConnectionManager
{
    public const string Kind = "kubernetes";
    public const string Type = "platform";
    public const string SubType = "orchestrator";

    private readonly IConnectionStore _connections;
    private readonly ICredentialStore _credentials;
    private readonly IClusterDiscoveryLauncher _launcher;
    private readonly KubernetesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KubernetesConnectionManager> _logger;
    private readonly ConcurrentDictionary<Guid, ProviderCaller> _callers = new();
    private readonly ConcurrentDictionary<Guid, KubeContext> _contexts = new();

    public KubernetesConnectionManager(
        IConnectionStore connections,
        ICredentialStore credentials,
        IClusterDiscoveryLauncher launcher,
        IOptions<KubernetesOptions> options,
        AgentInstance instance,
        TimeProvider time,
        ILogger<KubernetesConnectionManager> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instance);
        _connections = connections;
        _credentials = credentials;
        _launcher = launcher;
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = instance.Id;
        _callers[LocalUser.Id] = LocalUser.Caller;
    }

    /// <summary>This agent's id, as <c>mesheryInstanceId</c> in connection metadata.</summary>
    public Guid InstanceId { get; }

    /// <summary>Tests each context and saves it as a connection; starts discovery for the connected ones.</summary>
    public async Task<IReadOnlyList<Connection>> RegisterAsync(ProviderCaller caller, IReadOnlyList<KubeContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(contexts);
        _callers[caller.UserId] = caller;
        var probes = await Task.WhenAll(contexts.Select(c => ProbeAsync(c, cancellationToken)));
        var saved = new List<Connection>(contexts.Count);
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            var (probe, configuration) = probes[i];
            var id = ConnectionId(context);
            var stored = await _connections.SaveAsync(
                caller,
                new ConnectionPayload
                {
                    Id = id,
                    Name = context.Name,
                    Kind = Kind,
                    Type = Type,
                    SubType = SubType,
                    Status = probe.Status,
                    Metadata = Metadata(id, context, probe, null),
                    CredentialSecret = Kubeconfig.ToCredentialSecret(context),
                },
                cancellationToken);
            _contexts[id] = context;
            saved.Add(stored.Value);
            if (probe.Connected && configuration is not null)
            {
                await StartDiscoveryAsync(new ClusterDiscoveryTarget(id, probe.KubernetesServerId ?? "", context), cancellationToken);
            }
        }

        return saved;
    }

    private async Task<(ClusterProbeResult Probe, k8s.KubernetesClientConfiguration? Configuration)> ProbeAsync(KubeContext context, CancellationToken cancellationToken)
    {
        k8s.KubernetesClientConfiguration configuration;
        try
        {
            configuration = Kubeconfig.BuildClientConfiguration(context, _options.ProbeTimeout);
        }
        catch (KubeconfigException ex)
        {
            return (new ClusterProbeResult(ConnectionStatuses.Discovered, ex.Message), null);
        }

        return (await ClusterProbe.TestAsync(configuration, _options.ProbeTimeout, cancellationToken), configuration);
    }

    private Guid ConnectionId(KubeContext context) =>
        DeterministicGuid.CreateVersion5(InstanceId, $"{context.Server}\n{context.Name}\n{context.UserName}");

    private JsonObject Metadata(Guid id, KubeContext context, ClusterProbeResult probe, JsonObject? current)
    {
        var metadata = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        metadata["id"] = id.ToString("D");
        metadata["name"] = context.Name;
        metadata["server"] = context.Server;
        metadata["mesheryInstanceId"] = InstanceId.ToString("D");
        if (probe.KubernetesServerId is { Length: > 0 } serverId)
        {
            metadata["kubernetesServerId"] = serverId;
        }

        if (probe.Version is { Length: > 0 } version)
        {
            metadata["version"] = version;
        }

        if (context.Namespace is { Length: > 0 } ns)
        {
            metadata["namespace"] = ns;
        }

        metadata["reason"] = probe.Reason;
        metadata["lastCheckedAt"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return metadata;
    }

    private static async IAsyncEnumerable<Connection> ListKubernetesAsync(IConnectionStore store, ProviderCaller caller, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 0; ; page++)
        {
            var result = await store.ListAsync(
                caller,
                new ConnectionQuery { Kinds = [Kind], Page = new PageRequest { Page = page, PageSize = PagingLimits.MaxPageSize } },
                cancellationToken);
            foreach (var connection in result.Connections)
            {
                yield return connection;
            }

            if (result.Connections.Count < PagingLimits.MaxPageSize)
            {
                yield break;
            }
        }
    }
}
