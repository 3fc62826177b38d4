using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.MeshSync.Configuration;

/// <summary>Settings of MeshSync (discovery to NATS). Bound from <see cref="Section"/>; <c>BROKER_URL</c> fills <see cref="BrokerUrl"/>.</summary>
public sealed record MeshSyncOptions
{
    public const string Section = "Meshery:MeshSync";

    /// <summary>The broker, e.g. <c>nats://127.0.0.1:4222</c> or <c>nats://&lt;token&gt;@host:4222</c>. Env <c>BROKER_URL</c> is used when unset.</summary>
    public string? BrokerUrl { get; init; }

    /// <summary>A kubeconfig file; when null, the in-cluster service account, else <c>~/.kube/config</c>.</summary>
    public string? KubeConfigPath { get; init; }

    /// <summary>Context of the kubeconfig to use (its current context when null).</summary>
    public string? KubeContext { get; init; }

    /// <summary>Overrides the cluster id (normally the UID of the <c>kube-system</c> namespace).</summary>
    public string? ClusterId { get; init; }

    /// <summary>Port of <c>/healthz</c> and <c>/readyz</c>; 0 disables the endpoint.</summary>
    [Range(0, 65535)]
    public int HealthPort { get; init; } = 11000;

    /// <summary>Replace the values of Secrets' <c>data</c>/<c>stringData</c> (keys are kept).</summary>
    public bool RedactSecrets { get; init; } = true;

    /// <summary>Re-publish the whole store this often (zero: never; the store is still re-published on broker reconnects).</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Items per LIST page.</summary>
    [Range(1, 10_000)]
    public int ListPageSize { get; init; } = 500;

    /// <summary>Timeout of one LIST page request.</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Server-side watch timeout; the watch then resumes from the last resourceVersion (a little jitter is added).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list or watch; doubles up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a kind answering 403 Forbidden is tried again.</summary>
    public TimeSpan ForbiddenRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the first lists wait for the broker connection at start. What is listed before it opens cannot be sent
    /// and is covered by the resync that follows the connection, so objects listed meanwhile would go out twice; after
    /// this wait discovery runs anyway (a broker absent at start is not an error).
    /// </summary>
    public TimeSpan BrokerStartWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an absent configuration resource (or its CRD) is looked for again.</summary>
    public TimeSpan ConfigRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest message published (the broker's own max_payload lowers it further).</summary>
    [Range(4096, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    /// <summary>Messages waiting for the broker; producers wait when it is full (each holds its object's JSON).</summary>
    [Range(16, 10_000_000)]
    public int PublishBufferCapacity { get; init; } = 1_000;

    /// <summary>Deleted ids remembered for re-publishing after a broker outage.</summary>
    [Range(0, 10_000_000)]
    public int RecentDeleteCapacity { get; init; } = 10_000;

    /// <summary>Objects per informer-store reply message (upstream: 5).</summary>
    [Range(1, 1000)]
    public int StoreBatchSize { get; init; } = 5;

    /// <summary>Namespace and name of the <c>meshsyncs.meshery.io</c> resource holding the watch-list.</summary>
    public string ConfigNamespace { get; init; } = "meshery";

    public string ConfigName { get; init; } = "meshery-meshsync";

    /// <summary>Reported on the <c>meshsync-meta</c> subject.</summary>
    public string Version { get; init; } = typeof(MeshSyncOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The broker URL to use: <see cref="BrokerUrl"/>, else env <c>BROKER_URL</c>.</summary>
    public string? ResolveBrokerUrl() =>
        string.IsNullOrWhiteSpace(BrokerUrl) ? Environment.GetEnvironmentVariable("BROKER_URL") : BrokerUrl;
}
