using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// How the agent, in Meshery Server's role, uses adapters (<c>Meshery:Agent:Adapters</c>). Upstream's
/// <c>ADAPTER_URLS</c> (locations separated by spaces or commas) adds to <see cref="Locations"/>.
/// </summary>
public sealed class MeshAdapterOptions
{
    public const string Section = "Meshery:Agent:Adapters";

    /// <summary>Adapters every user may use, as <c>host:port</c> (for example <c>meshery-istio:10000</c>).</summary>
    public List<string> Locations { get; set; } = [];

    /// <summary>How often each adapter is asked its name (liveness).</summary>
    public TimeSpan LivenessInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a unary call to an adapter may take.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after an adapter's event stream ends before it is checked and opened again.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an operation waits for the adapter's event stream to be open before it is sent.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an operation's owner is remembered, so its late events still reach them.</summary>
    public TimeSpan OperationRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Operations remembered at most; the oldest go first.</summary>
    [Range(100, 1_000_000)]
    public int MaxOperations { get; set; } = 10_000;

    /// <summary>Adapters watched at most (configured ones and those users' preferences name).</summary>
    [Range(1, 1024)]
    public int MaxAdapters { get; set; } = 64;
}
