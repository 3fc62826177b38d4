using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Meshery.Agent.Broker;

/// <summary>Builds the agent's one <see cref="NatsConnection"/>: reconnects forever with backoff, retries the first connect too.</summary>
public static class BrokerConnectionFactory
{
    public static NatsConnection Create(BrokerOptions broker, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var url = broker.EffectiveUrl;
        var opts = NatsOpts.Default with
        {
            Url = url,
            Name = broker.ConnectionName,
            LoggerFactory = loggerFactory,
            RetryOnInitialConnect = true,
            MaxReconnectRetry = -1,
            ReconnectWaitMin = broker.ReconnectWaitMin,
            ReconnectWaitMax = broker.ReconnectWaitMax,
            ReconnectJitter = TimeSpan.FromMilliseconds(100),
            SubPendingChannelCapacity = broker.SubscriptionCapacity,
            SubPendingChannelFullMode = System.Threading.Channels.BoundedChannelFullMode.Wait,
        };
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo) && !uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            // nats://<token>@host:4222, as MeshSync's BROKER_URL carries it.
            opts = opts with { AuthOpts = NatsAuthOpts.Default with { Token = Uri.UnescapeDataString(uri.UserInfo) } };
        }

        var connection = new NatsConnection(opts);
        var logger = loggerFactory.CreateLogger(typeof(BrokerConnectionFactory).FullName!);
        connection.ConnectionOpened += (_, _) =>
        {
            BrokerLog.Connected(logger, url);
            return ValueTask.CompletedTask;
        };
        connection.ConnectionDisconnected += (_, args) =>
        {
            BrokerLog.Disconnected(logger, url, args.Message);
            return ValueTask.CompletedTask;
        };
        return connection;
    }
}
