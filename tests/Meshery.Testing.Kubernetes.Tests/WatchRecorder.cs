using System.Threading.Channels;
using k8s;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>
/// Pumps a KubernetesClient watch in the background so a test can await its events, errors and end
/// one at a time, each with a deadline.
/// </summary>
internal sealed class WatchRecorder<T> : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly Channel<(WatchEventType Type, T Object)> _events = Channel.CreateUnbounded<(WatchEventType, T)>();
    private readonly Channel<Exception> _errors = Channel.CreateUnbounded<Exception>();
    private readonly CancellationTokenSource _stop;
    private readonly Task _pump;

    public WatchRecorder(Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> open, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pump = PumpAsync(open);
    }

    /// <summary>Completes when the stream ends; faults with the exception that ended it.</summary>
    public Task Completion => _pump;

    public async Task<(WatchEventType Type, T Object)> NextAsync() =>
        await _events.Reader.ReadAsync(_stop.Token).AsTask().WaitAsync(Deadline, _stop.Token);

    public async Task<Exception> NextErrorAsync() =>
        await _errors.Reader.ReadAsync(_stop.Token).AsTask().WaitAsync(Deadline, _stop.Token);

    /// <summary>Waits for the stream to end and returns what ended it (null when it ended cleanly).</summary>
    public async Task<Exception?> EndAsync()
    {
        try
        {
            await _pump.WaitAsync(Deadline, _stop.Token);
            return null;
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return e;
        }
    }

    public bool HasPendingEvent => _events.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (Exception)
        {
            // ended by cancellation or a transport error; already observed by the test when it matters
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> open)
    {
        await Task.Yield();
        try
        {
            await foreach (var item in open(e => _errors.Writer.TryWrite(e), _stop.Token))
            {
                _events.Writer.TryWrite(item);
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
