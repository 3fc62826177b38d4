using System.Text.Json;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Meshery.Agent.MeshSync.Publishing;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Requests;

/// <summary>
/// Answers <c>meshery.meshsync.request</c>: <c>informer-store</c> (the store to the reply subject in batches of at
/// most five objects), <c>resync-discovery</c>, <c>log-stream</c> and <c>meshsync-meta</c>. The subscription is
/// re-made whenever it ends (NATS.Net re-subscribes across reconnects by itself).
/// </summary>
internal sealed class MeshSyncRequestHandler : IAsyncDisposable
{
    private readonly ClusterDiscovery _discovery;
    private readonly INatsConnection _nats;
    private readonly MeshSyncOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LogStreamer _logs;
    private Task _loop = Task.CompletedTask;

    public MeshSyncRequestHandler(ClusterDiscovery discovery, KubeApi api, INatsConnection nats, MeshSyncOptions options, ILogger logger, TimeProvider time)
    {
        _discovery = discovery;
        _nats = nats;
        _options = options;
        _logger = logger;
        _time = time;
        _logs = new LogStreamer(api, nats, options.MaxMessageBytes, logger);
    }

    public void Start(CancellationToken cancellationToken) => _loop = Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        await _logs.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_nats.ConnectionState != NatsConnectionState.Open)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await foreach (var message in _nats.SubscribeAsync<byte[]>(MeshSyncSubjects.Request, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    backoff.Reset();
                    if (message.Data is { Length: > 0 } data)
                    {
                        await HandleAsync(data, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NatsException or ObjectDisposedException or InvalidOperationException or IOException or TimeoutException)
            {
                MeshSyncLog.RequestFailed(_logger, e.Message);
                await Task.Delay(backoff.Next(), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one request message; a malformed or unknown one is logged and ignored.</summary>
    internal async Task HandleAsync(byte[] data, CancellationToken cancellationToken)
    {
        MeshSyncMessage<JsonElement?>? message;
        try
        {
            message = JsonSerializer.Deserialize(data, MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
        }
        catch (JsonException e)
        {
            MeshSyncLog.RequestFailed(_logger, e.Message);
            return;
        }

        if (message?.Request is not { } request)
        {
            MeshSyncLog.RequestFailed(_logger, "a request message without Request");
            return;
        }

        MeshSyncLog.RequestReceived(_logger, request.Entity);
        try
        {
            switch (request.Entity)
            {
                case MeshSyncRequestEntities.InformerStore:
                    var reply = request.Payload is { ValueKind: JsonValueKind.Object } p
                        ? p.Deserialize(MeshSyncJsonContext.Default.InformerStoreRequest)?.Reply
                        : null;
                    if (string.IsNullOrWhiteSpace(reply))
                    {
                        MeshSyncLog.RequestFailed(_logger, "informer-store without Payload.Reply");
                        return;
                    }

                    await SendStoreAsync(reply, cancellationToken).ConfigureAwait(false);
                    break;
                case MeshSyncRequestEntities.ResyncDiscovery:
                    await _discovery.ResyncAsync(relist: true, cancellationToken).ConfigureAwait(false);
                    break;
                case MeshSyncRequestEntities.LogStream:
                    _logs.Handle(request.Payload, cancellationToken);
                    break;
                case MeshSyncRequestEntities.MeshSyncMeta:
                    var meta = JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.Meta(_options.Version), MeshSyncJsonContext.Default.MeshSyncMessageString);
                    await _nats.PublishAsync(MeshSyncSubjects.Meta, meta, cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    MeshSyncLog.RequestFailed(_logger, $"entity \"{request.Entity}\" is not supported");
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or NatsException or InvalidOperationException)
        {
            MeshSyncLog.RequestFailed(_logger, e.Message);
        }
    }

    /// <summary>Sends every stored object to <paramref name="subject"/>, at most <c>StoreBatchSize</c> per message and never over the size limit.</summary>
    private async Task SendStoreAsync(string subject, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(_options.MaxMessageBytes, _nats.ServerInfo?.MaxPayload is > 0 and var max ? max : int.MaxValue) - MessageEnvelope.Overhead;
        var batch = new List<ReadOnlyMemory<byte>>(_options.StoreBatchSize);
        var bytes = 0;
        int objects = 0, messages = 0;
        foreach (var item in _discovery.StoreSnapshot())
        {
            if (batch.Count > 0 && (batch.Count == _options.StoreBatchSize || bytes + item.Json.Length + 1 > limit))
            {
                await _nats.PublishAsync(subject, MessageEnvelope.StoreBatch(batch), cancellationToken: cancellationToken).ConfigureAwait(false);
                messages++;
                batch.Clear();
                bytes = 0;
            }

            batch.Add(item.Json);
            bytes += item.Json.Length + 1;
            objects++;
        }

        if (batch.Count > 0)
        {
            await _nats.PublishAsync(subject, MessageEnvelope.StoreBatch(batch), cancellationToken: cancellationToken).ConfigureAwait(false);
            messages++;
        }

        MeshSyncLog.StoreSent(_logger, objects, messages, subject);
    }
}
