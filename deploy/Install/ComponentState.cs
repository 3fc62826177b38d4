namespace Meshery.Deploy.Install;

/// <summary>States of an installed component, as shown to users (a subset of upstream's controller states).</summary>
public enum ComponentState
{
    /// <summary>Absent from the cluster.</summary>
    NotDeployed,

    /// <summary>Present, not ready yet.</summary>
    Deploying,

    /// <summary>Present; it has no readiness of its own (namespace, RBAC, CRDs once established).</summary>
    Deployed,

    /// <summary>Present and ready (replicas ready, or the resource's Ready condition is True).</summary>
    Running,
}
