using Grpc.Core;
using Grpc.Net.Client;
using Meshery.Agent.Adapters.Protos;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// The agent's link to one adapter: a liveness check (<c>MeshName</c>) every <see cref="MeshAdapterOptions.LivenessInterval"/>,
/// what the adapter offers (read when it becomes live), and its <c>StreamEvents</c> held open while it is live. When
/// the stream ends the adapter counts as not live until the next check answers, which comes after
/// <see cref="MeshAdapterOptions.ReconnectDelay"/> and opens the stream again.
/// </summary>
public sealed class MeshAdapterConnection : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly MeshAdapterOptions _options;
    private readonly AdapterEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _checkGate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource _firstCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile MeshAdapterState _state = MeshAdapterState.Unchecked;
    private Task? _loop;
    private Task? _events;

    public MeshAdapterConnection(string location, MeshAdapterOptions options, AdapterEventRecorder recorder, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(options);
        Location = location;
        _options = options;
        _recorder = recorder;
        _time = time;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _channel = GrpcChannel.ForAddress(AdapterLocation.Address(location), new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = options.CallTimeout,
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            },
            DisposeHttpClient = true,
        });
        Client = new MeshService.MeshServiceClient(_channel);
    }

    public string Location { get; }

    public MeshService.MeshServiceClient Client { get; }

    public MeshAdapterState State => _state;

    /// <summary>Starts the liveness loop.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Completes once the first liveness check is done (at most one call timeout after start).</summary>
    public Task FirstCheckAsync(CancellationToken cancellationToken) => _firstCheck.Task.WaitAsync(cancellationToken);

    /// <summary>Checks now (not waiting for the next interval) and opens the event stream when the adapter is live.</summary>
    public async Task<MeshAdapterState> CheckNowAsync(CancellationToken cancellationToken)
    {
        await _checkGate.WaitAsync(cancellationToken);
        try
        {
            await CheckAsync(cancellationToken);
            if (_state.Live && (_events is null || _events.IsCompleted))
            {
                // Set before the relay starts, so a caller that checked and then waits for the stream waits for this one.
                var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _subscribed, subscribed);
                _events = Task.Run(() => RelayAsync(subscribed, _stop.Token), CancellationToken.None);
            }

            return _state;
        }
        finally
        {
            _firstCheck.TrySetResult();
            _checkGate.Release();
        }
    }

    /// <summary>Whether the event stream is open (the adapter has accepted the subscription) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitSubscribedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _subscribed).Task.WaitAsync(timeout, _time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var task in new[] { _loop, _events })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _channel.Dispose();
        _stop.Dispose();
        _checkGate.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CheckNowAsync(cancellationToken);
                using var interval = new CancellationTokenSource(_options.LivenessInterval, _time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
                await _wake.WaitAsync(either.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The interval passed: check again.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var before = _state;
        try
        {
            var name = await Client.MeshNameAsync(new MeshNameRequest(), deadline: Deadline(), cancellationToken: cancellationToken);
            var state = before.Live && before.Name == name.Name ? before : await DescribeAsync(name.Name, cancellationToken);
            _state = state with { Live = true, LastCheckedAt = _time.GetUtcNow(), Error = null };
            if (!before.Live)
            {
                MeshAdapterLog.AdapterLive(_logger, Location, name.Name);
            }
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _state = before with { Live = false, LastCheckedAt = _time.GetUtcNow(), Error = $"{ex.StatusCode}: {ex.Status.Detail}" };
            if (before.Live || before.LastCheckedAt is null)
            {
                MeshAdapterLog.AdapterNotLive(_logger, Location, _state.Error);
            }
        }
    }

    /// <summary>What a newly live adapter offers. ComponentInfo is newer than the rest; older adapters may not answer it.</summary>
    private async Task<MeshAdapterState> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var operations = await Client.SupportedOperationsAsync(new SupportedOperationsRequest(), deadline: Deadline(), cancellationToken: cancellationToken);
        var versions = await Client.MeshVersionsAsync(new MeshVersionsRequest(), deadline: Deadline(), cancellationToken: cancellationToken);
        ComponentInfoResponse? component = null;
        try
        {
            component = await Client.ComponentInfoAsync(new ComponentInfoRequest(), deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            // An older adapter: name, versions and operations are enough.
        }

        return new MeshAdapterState(true, name, [.. versions.Version], [.. operations.Ops], component, null, null);
    }

    private async Task RelayAsync(TaskCompletionSource subscribed, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            using var call = Client.StreamEvents(new EventsRequest(), cancellationToken: cancellationToken);
            await call.ResponseHeadersAsync;
            subscribed.TrySetResult();
            MeshAdapterLog.EventsOpened(_logger, Location);
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                await _recorder.RecordAsync(Location, _state, response, cancellationToken);
            }

            reason = "the adapter ended its event stream";
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            // A later operation must wait for the next stream, not trust this one.
            Interlocked.CompareExchange(ref _subscribed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), subscribed);
        }

        _state = _state with { Live = false, Error = reason };
        MeshAdapterLog.EventsEnded(_logger, Location, reason);
        try
        {
            await Task.Delay(_options.ReconnectDelay, _time, cancellationToken);
            Wake();
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    private DateTime Deadline() => (_time.GetUtcNow() + _options.CallTimeout).UtcDateTime;
}
