using System.Text.Json.Nodes;
using System.Threading.Channels;
using Meshery.Agent.Hosting;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.ServerStatus;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider.Registration;

/// <summary>
/// After a sign-in the agent registers itself with the provider (<c>persist-connection</c>) as a connection of
/// kind <c>meshery</c>, as upstream's server does. The connection id is derived from this agent's id, so
/// every sign-in updates the one connection instead of adding another. Runs off the request path.
/// </summary>
public sealed class AgentRegistration(AgentInstance instance, IOptions<RemoteModeOptions> options)
{
    private readonly Channel<(ProviderCaller Caller, string Location)> _pending = Channel.CreateBounded<(ProviderCaller, string)>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>The connection id of this agent at the provider.</summary>
    public Guid ConnectionId => DeterministicGuid.CreateVersion5(instance.Id, "meshery-server-connection");

    public ChannelReader<(ProviderCaller Caller, string Location)> Pending => _pending.Reader;

    /// <summary>Queues a registration for <paramref name="caller"/>; <paramref name="location"/> is where the agent is reached.</summary>
    public void Enqueue(ProviderCaller caller, string location)
    {
        ArgumentNullException.ThrowIfNull(caller);
        _pending.Writer.TryWrite((caller, location));
    }

    /// <summary>Meshery's registration payload (no credential: a null token would store an empty credential on every sign-in).</summary>
    public ConnectionPayload Payload(string location) => new()
    {
        Id = ConnectionId,
        Name = $"meshery-agent-{instance.Id.ToString("N")[..8]}",
        Kind = "meshery",
        Type = "platform",
        SubType = "management",
        Status = ConnectionStatuses.Connected,
        Metadata = new JsonObject
        {
            ["server_id"] = instance.Id.ToString("D"),
            ["server_version"] = options.Value.ServerVersion ?? AgentBuild.Version,
            ["server_build_sha"] = AgentBuild.CommitSha,
            ["server_location"] = location,
        },
        SkipCredentialVerification = false,
    };
}
