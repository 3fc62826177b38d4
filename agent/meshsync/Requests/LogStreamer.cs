using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Meshery.Agent.MeshSync.Discovery;
using Meshery.Agent.MeshSync.Messages;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Meshery.Agent.MeshSync.Requests;

/// <summary>
/// Streams pod logs to <c>meshery.meshsync.logs</c> (ObjectType <c>log-stream</c>), one stream per
/// namespace/pod/container; a request with <c>stop</c> ends it. Chunks are what the API server sends, split to fit.
/// </summary>
internal sealed class LogStreamer(KubeApi api, INatsConnection nats, int maxMessageBytes, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _runs = [];

    public int ActiveCount => _streams.Count;

    /// <summary>Starts or stops the streams a log-stream payload names (a map of requests, or one request).</summary>
    public void Handle(JsonElement? payload, CancellationToken cancellationToken)
    {
        foreach (var request in Parse(payload))
        {
            if (string.IsNullOrEmpty(request.Namespace) || string.IsNullOrEmpty(request.Name))
            {
                MeshSyncLog.RequestFailed(logger, "log-stream without namespace and name");
                continue;
            }

            var key = $"logs.{request.Namespace}.{request.Name}.{request.Container}";
            if (request.Stop)
            {
                if (_streams.TryRemove(key, out var running))
                {
                    running.Cancel();
                }

                continue;
            }

            if (_streams.ContainsKey(key))
            {
                continue;
            }

            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _streams[key] = stop;
            _runs.Add(Task.Run(() => StreamAsync(key, request, stop), CancellationToken.None));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, stop) in _streams)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_runs).ConfigureAwait(false);
        _streams.Clear();
    }

    private static IEnumerable<LogStreamRequest> Parse(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } p)
        {
            return [];
        }

        if (p.TryGetProperty("name", out _) || p.TryGetProperty("Name", out _))
        {
            return p.Deserialize(MeshSyncJsonContext.Default.LogStreamRequest) is { } single ? [single] : [];
        }

        return p.Deserialize(MeshSyncJsonContext.Default.DictionaryStringLogStreamRequest)?.Values ?? (IEnumerable<LogStreamRequest>)[];
    }

    private async Task StreamAsync(string key, LogStreamRequest request, CancellationTokenSource stop)
    {
        var query = new StringBuilder($"/api/v1/namespaces/{Uri.EscapeDataString(request.Namespace!)}/pods/{Uri.EscapeDataString(request.Name!)}/log?timestamps=true");
        if (!string.IsNullOrEmpty(request.Container))
        {
            query.Append("&container=").Append(Uri.EscapeDataString(request.Container));
        }

        if (request.Follow)
        {
            query.Append("&follow=true");
        }

        if (request.Previous)
        {
            query.Append("&previous=true");
        }

        if (request.TailLines is > 0 and var tail)
        {
            query.Append("&tailLines=").Append(tail.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            await using var stream = await api.OpenStreamAsync(query.ToString(), stop.Token).ConfigureAwait(false);
            var buffer = new byte[Math.Min(16 * 1024, maxMessageBytes / 2)];
            int read;
            while ((read = await stream.ReadAsync(buffer, stop.Token).ConfigureAwait(false)) > 0)
            {
                var chunk = new LogObject { Id = request.Id, Data = Encoding.UTF8.GetString(buffer, 0, read), Primary = request.Name, Secondary = request.Container };
                var bytes = JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.Log(chunk), MeshSyncJsonContext.Default.MeshSyncMessageLogObject);
                await nats.PublishAsync(MeshSyncSubjects.Logs, bytes, cancellationToken: stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped by request or shutdown
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or NatsException)
        {
            MeshSyncLog.LogStreamFailed(logger, key, e.Message);
        }
        finally
        {
            _streams.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, stop));
            stop.Dispose();
        }
    }
}
