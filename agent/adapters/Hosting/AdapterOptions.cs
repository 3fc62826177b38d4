using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Adapters.Hosting;

/// <summary>
/// Settings of the adapter (<c>Meshery:Adapter</c>): where it listens, what it says it manages (mesh name, versions,
/// component info) and where it registers. <c>MESHERY_SERVER</c> and <c>SERVICE_ADDR</c>, upstream's variables,
/// override <see cref="ServerUrl"/> and <see cref="ServiceAddress"/>.
/// </summary>
public sealed class AdapterOptions
{
    public const string Section = "Meshery:Adapter";

    public const string DefaultMeshVersion = "v1.0.0";

    /// <summary>The gRPC port (HTTP/2 cleartext). Meshery's adapters use 10000 and up; 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 10000;

    /// <summary>Address to listen on: <c>*</c> for every interface, <c>localhost</c>, or an IP address.</summary>
    [Required]
    public string Host { get; set; } = "*";

    /// <summary>What <c>MeshName</c> answers; the server shows adapters by this name.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string MeshName { get; set; } = "MESHERY-SAMPLE";

    /// <summary>What <c>MeshVersions</c> answers; <see cref="DefaultMeshVersion"/> when none is configured.</summary>
    public List<string> MeshVersions { get; set; } = [];

    /// <summary>What <c>ComponentInfo</c> answers, and the model and component the adapter registers.</summary>
    [Required]
    public AdapterComponentOptions Component { get; set; } = new();

    /// <summary>Meshery Server (the agent) the adapter registers with.</summary>
    [Required]
    public string ServerUrl { get; set; } = "http://localhost:9081";

    /// <summary>The host name the server reaches this adapter at, sent in the registration; the machine name when empty.</summary>
    public string? ServiceAddress { get; set; }

    /// <summary>Register the component with the server on start (retried until the server answers).</summary>
    public bool Register { get; set; } = true;

    /// <summary>First wait after a failed registration; it grows 1.5 times per try (jitter 0.5) up to <see cref="RegistrationMaxBackoff"/>.</summary>
    public TimeSpan RegistrationInitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RegistrationMaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest one operation may run, over all its clusters.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest one request to a cluster's API server may take.</summary>
    public TimeSpan ClusterRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Operations run at once; more wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentOperations { get; set; } = 4;

    /// <summary>Events held for one <c>StreamEvents</c> subscriber that reads too slowly; past it the subscriber is dropped.</summary>
    [Range(16, 100_000)]
    public int SubscriberBuffer { get; set; } = 1024;

    /// <summary>Largest <c>custom_body</c> accepted.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxCustomBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The label <c>label-namespace</c> sets to <c>enabled</c> (and removes with delete_op).</summary>
    [Required]
    public string InjectionLabel { get; set; } = "meshery.io/sidecar-injection";
}
