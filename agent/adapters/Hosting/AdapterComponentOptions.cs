using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Adapters.Hosting;

/// <summary>The adapter as a component (<c>ComponentInfo</c>) and the one component definition it registers.</summary>
public sealed class AdapterComponentOptions
{
    /// <summary><c>ComponentInfo.type</c>.</summary>
    [Required]
    public string Type { get; set; } = "adapter";

    /// <summary><c>ComponentInfo.name</c>, also the registered model's name.</summary>
    [Required]
    public string Name { get; set; } = "meshery-sample";

    /// <summary><c>ComponentInfo.version</c>.</summary>
    [Required]
    public string Version { get; set; } = "v0.1.0";

    /// <summary><c>ComponentInfo.git_sha</c>.</summary>
    public string GitSha { get; set; } = "";

    /// <summary><c>ComponentInfo.properties</c>.</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Kind of the component definition registered with the server.</summary>
    [Required]
    public string Kind { get; set; } = "HTTPBin";

    /// <summary>API version of the registered component.</summary>
    [Required]
    public string ApiVersion { get; set; } = "samples.meshery.io/v1alpha1";
}
