namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>The knobs one informer uses (from <c>MeshSyncOptions</c>).</summary>
internal sealed record InformerSettings(
    int PageSize,
    TimeSpan ListTimeout,
    TimeSpan WatchTimeout,
    TimeSpan BackoffInitial,
    TimeSpan BackoffMax,
    TimeSpan ForbiddenRetry,
    TimeSpan NotFoundRetry);
