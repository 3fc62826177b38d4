using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Operator;

/// <summary>Settings of the operator module (<c>Meshery:Agent:Operator</c>).</summary>
public sealed record OperatorOptions
{
    public const string Section = "Meshery:Agent:Operator";

    /// <summary>The namespace whose Broker and MeshSync resources are reconciled and where the lease lives.</summary>
    [Required]
    public string Namespace { get; set; } = "meshery";

    /// <summary>This replica's name in the lease (the pod name in a cluster); a random one when empty.</summary>
    public string? Identity { get; set; }

    public string LeaseName { get; set; } = "meshery-operator";

    /// <summary>How long a lease holds without renewal; another replica takes over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the leader renews (well inside <see cref="LeaseDuration"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the leader goes on acting without a successful renewal: a renewal that has not finished by then
    /// (a stalled API server, a lost connection) makes it step down, before the lease can expire for the others.
    /// At most two thirds of <see cref="LeaseDuration"/> is used.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a follower tries to take the lease.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Give the lease up on a graceful stop so another replica need not wait for it to expire.</summary>
    public bool ReleaseOnStop { get; set; } = true;

    /// <summary>Server-side watch timeout; the watch is reopened from the last resourceVersion after it.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list, watch or reconcile (doubling to <see cref="MaxBackoff"/>).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>NATS image repository (tag from the Broker's <c>spec.version</c>, default <see cref="DefaultNatsVersion"/>).</summary>
    public string NatsImage { get; set; } = "nats";

    public string DefaultNatsVersion { get; set; } = "2.10-alpine";

    /// <summary>MeshSync image repository (tag from the MeshSync's <c>spec.version</c>, default <see cref="DefaultMeshSyncVersion"/>).</summary>
    public string MeshSyncImage { get; set; } = "meshery/meshsync";

    public string DefaultMeshSyncVersion { get; set; } = "1.0.3";
}
