using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Hosting;

/// <summary>Settings of the agent's REST server.</summary>
public sealed class AgentOptions
{
    public const string Section = "Meshery:Agent";

    /// <summary>Meshery server's port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 9081;

    /// <summary>Address to listen on; <c>*</c> for all interfaces.</summary>
    [Required]
    public string Host { get; set; } = "*";

    /// <summary>Largest request body accepted (designs are the big ones).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest a request may take to send its headers.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The release channel reported by <c>/api/system/version</c>.</summary>
    public string ReleaseChannel { get; set; } = "stable";
}
