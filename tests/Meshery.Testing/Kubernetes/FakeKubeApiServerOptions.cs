namespace Meshery.Testing.Kubernetes;

/// <summary>Settings of a <see cref="FakeKubeApiServer"/>. Defaults behave like a small real cluster.</summary>
public sealed record FakeKubeApiServerOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one (kept across restarts).</summary>
    public int Port { get; init; }

    /// <summary>Bearer token the server requires; null accepts anonymous requests.</summary>
    public string? BearerToken { get; init; } = "fake-kube-token";

    /// <summary>Name of the cluster, user and context in the generated kubeconfig.</summary>
    public string ContextName { get; init; } = "fake-kube";

    /// <summary>Reported by <c>/version</c> (for example <c>v1.33.1</c>).</summary>
    public string KubernetesVersion { get; init; } = "v1.33.1";

    /// <summary>UID of the <c>kube-system</c> namespace (MeshSync's cluster id); random when null.</summary>
    public string? KubeSystemUid { get; init; }

    /// <summary>Watch events kept per resource for resuming watches; older resourceVersions answer 410.</summary>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> receives a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Events buffered per watcher; a watcher that falls further behind is closed (as the real server does).</summary>
    public int WatchBufferSize { get; init; } = 200_000;

    /// <summary>How long a list <c>continue</c> token stays valid.</summary>
    public TimeSpan ContinueTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Paged list snapshots kept at once; the least recently used expires first.</summary>
    public int MaxListSnapshots { get; init; } = 64;

    /// <summary>Creating a namespaced object in a missing namespace creates the namespace instead of answering 404.</summary>
    public bool AutoCreateNamespaces { get; init; }

    /// <summary>Largest request body accepted.</summary>
    public long MaxRequestBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Clock for timestamps, bookmarks and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
