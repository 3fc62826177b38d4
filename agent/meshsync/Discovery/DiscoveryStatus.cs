namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>A snapshot of one cluster's discovery.</summary>
public sealed record DiscoveryStatus(
    string ClusterId,
    bool Started,
    bool BrokerConnected,
    bool InitialListDone,
    string WatchList,
    IReadOnlyDictionary<string, KindStatus> Kinds)
{
    /// <summary>Ready: the broker is connected and every kind has finished its first list (or was refused).</summary>
    public bool Ready => Started && BrokerConnected && InitialListDone;
}
