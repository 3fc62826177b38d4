using System.Text.Json;
using Meshery.Testing.Nats;
using NATS.Client.Core;

namespace Meshery.Testing.Tests.Nats;

[Collection(NatsCollection.Name)]
public sealed class NatsServerFixtureTests(NatsServerFixture nats) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public void Dispose() => nats.WriteLogIfTestFailed();

    [Fact]
    public void UrlsPointAtLoopback()
    {
        Assert.Equal($"nats://127.0.0.1:{nats.Port}", nats.Url);
        Assert.Equal($"http://127.0.0.1:{nats.MonitorPort}/", nats.MonitorUrl.ToString());
        Assert.NotEqual(nats.Port, nats.MonitorPort);
        Assert.NotEqual(nats.NextId(), nats.NextId());
    }

    [Fact]
    public async Task PublishedMessageReachesSubscriber()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url });
        var subject = $"meshery.{nats.NextId()}.roundtrip";
        await using var subscription = await connection.SubscribeCoreAsync<string>(subject, cancellationToken: cancellationToken);

        var received = await RoundTripAsync(connection, subscription, "hello", cancellationToken);

        Assert.Equal("hello", received);
    }

    [Fact]
    public async Task MonitorListsClientConnections()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var name = nats.NextId();
        await using var connection = new NatsConnection(new NatsOpts { Url = nats.Url, Name = name });
        await connection.ConnectAsync();
        await connection.PingAsync(cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var connz = JsonDocument.Parse(
            await http.GetStringAsync(new Uri(nats.MonitorUrl, "/connz"), cancellationToken));

        var names = connz.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => c.TryGetProperty("name", out var n) ? n.GetString() : null);
        Assert.Contains(name, names);
    }

    [Fact]
    public async Task ClientReconnectsWhenBrokerComesBackOnSamePort()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NatsConnection(new NatsOpts
        {
            Url = nats.Url,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
            ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
            ReconnectJitter = TimeSpan.FromMilliseconds(20),
        });
        var subject = $"meshery.{nats.NextId()}.restart";
        await using var subscription = await connection.SubscribeCoreAsync<string>(subject, cancellationToken: cancellationToken);
        Assert.Equal("before", await RoundTripAsync(connection, subscription, "before", cancellationToken));

        var disconnected = Signal(h => connection.ConnectionDisconnected += h);
        await nats.StopAsync(cancellationToken);
        Assert.False(nats.IsRunning);
        await disconnected.WaitAsync(Deadline, cancellationToken);

        var reopened = Signal(h => connection.ConnectionOpened += h);
        await nats.StartAsync(cancellationToken);
        Assert.True(nats.IsRunning);
        await reopened.WaitAsync(Deadline, cancellationToken);

        // The same subscription carries on after the reconnect.
        Assert.Equal("after", await RoundTripAsync(connection, subscription, "after", cancellationToken));
    }

    [Fact]
    public async Task RestartKeepsPortsAndStartsANewServer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = await ServerStartAsync(cancellationToken);
        await using var connection = new NatsConnection(new NatsOpts
        {
            Url = nats.Url,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
            ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
        });
        await connection.ConnectAsync();
        var reopened = Signal(h => connection.ConnectionOpened += h);

        await nats.RestartAsync(cancellationToken);

        await reopened.WaitAsync(Deadline, cancellationToken);
        Assert.NotEqual(before, await ServerStartAsync(cancellationToken));
        await connection.PingAsync(cancellationToken);
    }

    private static Task Signal(Action<AsyncEventHandler<NatsEventArgs>> subscribe)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) =>
        {
            signal.TrySetResult();
            return ValueTask.CompletedTask;
        });
        return signal.Task;
    }

    // Publishes until the message comes back: right after a reconnect the client may not have
    // re-sent its subscriptions yet, so a single publish could be lost.
    private static async Task<string?> RoundTripAsync(
        NatsConnection connection,
        INatsSub<string> subscription,
        string payload,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        while (true)
        {
            await connection.PublishAsync(subscription.Subject, payload, cancellationToken: deadline.Token);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            attempt.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                while (true)
                {
                    var message = await subscription.Msgs.ReadAsync(attempt.Token);
                    if (message.Data == payload)
                    {
                        return message.Data;
                    }
                }
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                // Not back yet: publish again.
            }
        }
    }

    private async Task<string> ServerStartAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var varz = JsonDocument.Parse(
            await http.GetStringAsync(new Uri(nats.MonitorUrl, "/varz"), cancellationToken));
        Assert.Equal(nats.Port, varz.RootElement.GetProperty("port").GetInt32());
        return varz.RootElement.GetProperty("start").GetString()!;
    }
}
