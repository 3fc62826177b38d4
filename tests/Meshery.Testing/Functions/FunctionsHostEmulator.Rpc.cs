using Grpc.Core;
using Meshery.Testing.Functions.Protos;

namespace Meshery.Testing.Functions;

// The host side of the event stream: StartStream -> WorkerInitRequest -> FunctionsMetadataRequest ->
// one FunctionLoadRequest per function; then invocations, logs and, on dispose, WorkerTerminate.
public sealed partial class FunctionsHostEmulator
{
    private const string HostVersion = "4.0.0-meshery-emulator";
    private const string HttpUriCapability = "HttpUri";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private IServerStreamWriter<StreamingMessage>? _stream;
    private Uri? _workerHttpUri;
    private int _pendingLoads;

    internal async Task RunEventStreamAsync(
        IAsyncStreamReader<StreamingMessage> requests,
        IServerStreamWriter<StreamingMessage> responses,
        CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _stream, responses, null) is not null)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "The emulator serves one worker stream."));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            await foreach (var message in requests.ReadAllAsync(linked.Token))
            {
                await HandleAsync(message, linked.Token);
            }

            AddLog("host", "the worker closed its stream");
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The emulator is stopping or the worker went away.
        }
        finally
        {
            Interlocked.Exchange(ref _stream, null);
            _ready.TrySetResult("the worker's stream ended before its functions were loaded");
            FailPendingInvocations("the worker's stream ended");
        }
    }

    private async Task SendAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("The Functions worker is not connected.");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await stream.WriteAsync(message, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Task HandleAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                OnLog(message.RpcLog);
                return Task.CompletedTask;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryRemove(message.InvocationResponse.InvocationId, out var pending))
                {
                    pending.TrySetResult(message.InvocationResponse);
                }

                return Task.CompletedTask;
            case StreamingMessage.ContentOneofCase.StartStream:
                return OnStartStreamAsync(message.StartStream, cancellationToken);
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                return OnWorkerInitResponseAsync(message.WorkerInitResponse, cancellationToken);
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                return OnFunctionMetadataResponseAsync(message.FunctionMetadataResponse, cancellationToken);
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                OnFunctionLoadResponse(message.FunctionLoadResponse);
                return Task.CompletedTask;
            case StreamingMessage.ContentOneofCase.None when IsBare(message):
                // The .NET worker answers every request, WorkerTerminate included, with at least its request_id.
                return Task.CompletedTask;
            default:
                AddLog("host", $"ignored a {message.ContentCase} message from the worker ({message.CalculateSize()} bytes)");
                return Task.CompletedTask;
        }
    }

    private Task OnStartStreamAsync(StartStream start, CancellationToken cancellationToken)
    {
        AddLog("host", $"StartStream from worker {start.WorkerId}");
        var init = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = _appDirectory,
            FunctionAppDirectory = _appDirectory,
        };
        return SendAsync(new StreamingMessage { RequestId = NewRequestId(), WorkerInitRequest = init }, cancellationToken);
    }

    private Task OnWorkerInitResponseAsync(WorkerInitResponse response, CancellationToken cancellationToken)
    {
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            _ready.TrySetResult($"worker initialisation failed: {Describe(response.Result)}");
            return Task.CompletedTask;
        }

        // Only apps using the ASP.NET Core integration (ConfigureFunctionsWebApplication) advertise HttpUri.
        if (!response.Capabilities.TryGetValue(HttpUriCapability, out var httpUri) || !Uri.TryCreate(httpUri, UriKind.Absolute, out _workerHttpUri))
        {
            _ready.TrySetResult("the worker advertises no HttpUri: the app must use ConfigureFunctionsWebApplication");
            return Task.CompletedTask;
        }

        AddLog("host", $"WorkerInitResponse: {response.WorkerMetadata?.RuntimeName} {response.WorkerMetadata?.RuntimeVersion}, HTTP on {_workerHttpUri}");
        var request = new FunctionsMetadataRequest { FunctionAppDirectory = _appDirectory };
        return SendAsync(new StreamingMessage { RequestId = NewRequestId(), FunctionsMetadataRequest = request }, cancellationToken);
    }

    private async Task OnFunctionMetadataResponseAsync(FunctionMetadataResponse response, CancellationToken cancellationToken)
    {
        if (response.Result?.Status != StatusResult.Types.Status.Success || response.UseDefaultMetadataIndexing)
        {
            _ready.TrySetResult($"the worker gave no function metadata (use_default_metadata_indexing={response.UseDefaultMetadataIndexing}): {Describe(response.Result)}");
            return;
        }

        var metadata = response.FunctionMetadataResults;
        Functions = [.. metadata.Select(m => FunctionMetadataReader.Describe(m, _routePrefix))];
        _routes = new FunctionRouteTable(Functions);
        AddLog("host", $"metadata: {string.Join(", ", Functions.Select(f => f.Route is null ? f.Name : $"{f.Name} {string.Join('|', f.Methods)} /{f.Route}"))}");

        // The .NET worker does not handle FunctionLoadRequestCollection: load functions one by one.
        Volatile.Write(ref _pendingLoads, metadata.Count);
        if (metadata.Count == 0)
        {
            _ready.TrySetResult(null);
            return;
        }

        foreach (var function in metadata)
        {
            var load = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function };
            await SendAsync(new StreamingMessage { RequestId = NewRequestId(), FunctionLoadRequest = load }, cancellationToken);
        }
    }

    private void OnFunctionLoadResponse(FunctionLoadResponse response)
    {
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            var name = Functions.FirstOrDefault(f => f.FunctionId == response.FunctionId)?.Name ?? response.FunctionId;
            _ready.TrySetResult($"function '{name}' failed to load: {Describe(response.Result)}");
            return;
        }

        if (Interlocked.Decrement(ref _pendingLoads) == 0)
        {
            AddLog("host", $"all {Functions.Count} functions loaded");
            _ready.TrySetResult(null);
        }
    }

    private void OnLog(RpcLog log)
    {
        var text = log.Exception is null ? log.Message : $"{log.Message} {log.Exception.Type}: {log.Exception.Message}{Environment.NewLine}{log.Exception.StackTrace}";
        AddLog("worker", $"{log.Level} {log.Category}: {text}");
    }

    private void FailPendingInvocations(string reason)
    {
        foreach (var id in _invocations.Keys)
        {
            if (_invocations.TryRemove(id, out var pending))
            {
                pending.TrySetException(new InvalidOperationException($"Invocation {id} did not complete: {reason}."));
            }
        }
    }

    private static string Describe(StatusResult? result) =>
        result is null ? "no result"
        : result.Exception is null ? $"{result.Status} {result.Result}"
        : $"{result.Status} {result.Exception.Type}: {result.Exception.Message}";

    private static bool IsBare(StreamingMessage message) =>
        message.CalculateSize() == new StreamingMessage { RequestId = message.RequestId }.CalculateSize();

    private static string NewRequestId() => Guid.NewGuid().ToString("N");
}
