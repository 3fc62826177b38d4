using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Kubernetes;

/// <summary>Kubernetes connections: kubeconfig upload limits, connectivity tests and the status monitor.</summary>
public sealed class KubernetesOptions
{
    public const string Section = "Meshery:Kubernetes";

    /// <summary>Largest kubeconfig accepted by <c>POST /api/system/kubernetes</c>.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxKubeconfigBytes { get; set; } = 1024 * 1024;

    /// <summary>Most contexts taken from one kubeconfig.</summary>
    [Range(1, 1000)]
    public int MaxContexts { get; set; } = 100;

    /// <summary>How long one connectivity test may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often each Kubernetes connection is tested again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>This agent's id in connection metadata (<c>mesheryInstanceId</c>); derived from the machine and data folder when empty.</summary>
    public Guid? MesheryInstanceId { get; set; }
}
