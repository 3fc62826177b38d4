namespace Meshery.ExtensionPoints.Sync;

/// <summary>What the provider did with an accepted body of CloudEvents.</summary>
public sealed record SyncReceipt
{
    /// <summary>Events in the body.</summary>
    public int Received { get; set; }

    /// <summary>Meshery events applied to the caller's data.</summary>
    public int Applied { get; set; }

    /// <summary>Events already applied before (same source and id): nothing was done again.</summary>
    public int Duplicates { get; set; }

    /// <summary>Valid events of other types, accepted and not applied.</summary>
    public int Ignored { get; set; }
}
