using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.LocalProvider.Outbox;

/// <summary>
/// The Local provider's outbox of changes for a remote provider (<c>Meshery:LocalProvider:Outbox</c>). The
/// agent turns it on when a remote provider is configured; an offline-only agent records nothing, so its
/// outbox never fills.
/// </summary>
public sealed class OutboxOptions
{
    public const string Section = "Meshery:LocalProvider:Outbox";

    /// <summary>Whether changes are recorded (null: when <c>Meshery:Agent:RemoteProvider:Url</c> is set).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Most unsent changes kept. When it is reached a change is refused (503, nothing written) until the sender
    /// has delivered some: no change is ever dropped or merged away.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The CloudEvents <c>source</c> of this agent's events; the agent sets <c>/agents/{agent id}</c>.</summary>
    [Required]
    public string Source { get; set; } = "/agents/unknown";
}
