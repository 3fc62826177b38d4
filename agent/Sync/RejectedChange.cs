namespace Meshery.Agent.Sync;

/// <summary>
/// One change the provider refused on its own, as <c>GET /api/system/sync/rejected</c> lists it: what it was and why it
/// was refused. The entity's data (and a credential's secret) stay in the agent's database.
/// </summary>
public sealed record RejectedChange
{
    /// <summary>The CloudEvent id the change was sent under.</summary>
    public string Id { get; set; } = "";

    /// <summary>The event type, e.g. <c>io.meshery.design.created</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The entity's id.</summary>
    public string Subject { get; set; } = "";

    /// <summary>When the change was made.</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The provider's answer, e.g. <c>the provider answered 413: ...</c>.</summary>
    public string Reason { get; set; } = "";

    public DateTimeOffset RejectedAt { get; set; }
}
