namespace Meshery.Agent.Broker;

/// <summary>Which of the agent's optional modules run in this process.</summary>
public sealed class AgentModulesOptions
{
    public const string Section = "Meshery:Agent:Modules";

    /// <summary>Connect to a NATS broker (starting <c>nats-server</c> as a child when no URL is configured) and keep the cluster cache.</summary>
    public bool Broker { get; set; } = true;

    /// <summary>Run MeshSync discovery in-process for each connected Kubernetes cluster.</summary>
    public bool Discovery { get; set; } = true;

    /// <summary>Reconcile Broker and MeshSync resources in the cluster the agent runs in (off on a laptop; the install bundle turns it on).</summary>
    public bool Operator { get; set; }

    /// <summary>
    /// Serve an adapter (gRPC <c>meshes.MeshService</c> on <c>Meshery:Adapter:Port</c>, 10000) from this process; off by
    /// default. The agent talks to adapters (its own and others) whether or not this is on.
    /// </summary>
    public bool Adapters { get; set; }

    /// <summary>
    /// Serve Meshery Perf (gRPC <c>meshery.perf.v1.PerfService</c> on <c>Meshery:Perf:Port</c>, 10013), the load generators,
    /// from this process; off by default. The agent's run endpoint calls Meshery Perf whether or not this is on.
    /// </summary>
    public bool Perf { get; set; }
}
