using Meshery.Agent.ServerStatus;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Meshery.Agent.Broker;

/// <summary>
/// Reports the broker connection in <c>/readyz</c>. It does not gate readiness: the REST API and the
/// provider work without a broker; only the cluster cache waits for it (and catches up on reconnect).
/// </summary>
public sealed class BrokerReadinessCheck(INatsConnection connection, NatsServerProcess child, IOptions<BrokerOptions> options) : IReadinessCheck
{
    public string Name => "broker";

    public ReadinessCheckResult Check()
    {
        var state = connection.ConnectionState;
        var url = options.Value.EffectiveUrl;
        var status = state == NatsConnectionState.Open
            ? "connected " + url
            : $"{state.ToString().ToLowerInvariant()} {url}";
        if (options.Value.StartsChild)
        {
            status += " (" + child.Status + ")";
        }

        return new ReadinessCheckResult(state == NatsConnectionState.Open, status);
    }
}
