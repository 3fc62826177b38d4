using Meshery.Agent.Perf.Histograms;

namespace Meshery.Agent.Perf.Load;

/// <summary>
/// One connection of a test, with one request in flight at a time. It records into histograms of its own (no
/// sharing between connections while the test runs) and publishes only its counters, which progress reads.
/// </summary>
internal sealed class ConnectionWorker : IDisposable
{
    private readonly HttpMessageInvoker _client;
    private readonly RequestTemplate _template;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly double _microsecondsPerTick;
    private long _completed;
    private long _errors;

    public ConnectionWorker(RequestTemplate template, TimeProvider time, TimeSpan requestTimeout)
    {
        _template = template;
        _time = time;
        _requestTimeout = requestTimeout;
        _microsecondsPerTick = 1_000_000.0 / time.TimestampFrequency;
        _client = new HttpMessageInvoker(RequestTemplate.CreateHandler(requestTimeout), disposeHandler: true);
    }

    /// <summary>Latency of each request in microseconds.</summary>
    public LogLinearHistogram Latency { get; } = new();

    /// <summary>Response body size of each request in bytes.</summary>
    public LogLinearHistogram Sizes { get; } = new();

    /// <summary>Requests per HTTP status; -1 counts requests that got no answer (connection failure, timeout).</summary>
    public Dictionary<int, long> RetCodes { get; } = [];

    public long Completed => Volatile.Read(ref _completed);

    public long Errors => Volatile.Read(ref _errors);

    /// <summary>
    /// Sends until <paramref name="schedule"/> says the test is over. With a pace, request k is due at its slot; a
    /// late request goes at once. Latency runs from the send, or from the slot when the schedule says so (constant
    /// rate: time spent waiting for a stalled connection counts, as it would for a client arriving then).
    /// </summary>
    public async Task RunAsync(LoadSchedule schedule, CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            for (long slot = 0; ; slot++)
            {
                long due;
                if (schedule.IsPaced)
                {
                    due = schedule.DueAt(slot);
                    if (due >= schedule.End)
                    {
                        return;
                    }

                    var wait = _time.GetElapsedTime(_time.GetTimestamp(), due);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    due = _time.GetTimestamp();
                    if (due >= schedule.End)
                    {
                        return;
                    }
                }

                var sent = _time.GetTimestamp();
                timeout.CancelAfter(_requestTimeout);
                var (code, size) = await SendAsync(timeout.Token, cancellationToken).ConfigureAwait(false);
                var answered = _time.GetTimestamp();
                if (!timeout.TryReset())
                {
                    timeout.Dispose();
                    timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                var from = schedule.FromDueTime ? due : sent;
                Latency.Record((long)((answered - from) * _microsecondsPerTick));
                Sizes.Record(size);
                RetCodes[code] = RetCodes.GetValueOrDefault(code) + 1;
                if (code is < 200 or >= 400)
                {
                    Volatile.Write(ref _errors, _errors + 1);
                }

                Volatile.Write(ref _completed, _completed + 1);
            }
        }
        finally
        {
            timeout.Dispose();
        }
    }

    private async Task<(int Code, long Size)> SendAsync(CancellationToken requestToken, CancellationToken runToken)
    {
        try
        {
            using var request = _template.Create();
            using var response = await _client.SendAsync(request, requestToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(requestToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                long size = 0;
                int read;
                while ((read = await body.ReadAsync(_buffer, requestToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                }

                return ((int)response.StatusCode, size);
            }
        }
        catch (Exception ex) when (!runToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // No answer within the request timeout, or the connection failed: Fortio's code for it.
            return (-1, 0);
        }
    }

    public void Dispose() => _client.Dispose();
}
