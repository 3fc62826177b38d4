namespace Meshery.ExtensionPoints.Sync;

/// <summary>The sync ingestion endpoint and its capability, which only a provider that applies sync events lists.</summary>
public static class SyncPaths
{
    /// <summary>The capability's feature name (Meshery.NET's own: upstream's contract has no such feature).</summary>
    public const string Feature = "sync-events";

    /// <summary>Where an agent posts its CloudEvents (structured single events or batches).</summary>
    public const string Events = "/api/sync/events";

    /// <summary>Structured-mode content type of one event.</summary>
    public const string EventMediaType = "application/cloudevents+json";

    /// <summary>Batched-mode content type.</summary>
    public const string BatchMediaType = "application/cloudevents-batch+json";
}
