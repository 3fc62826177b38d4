using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Meshery.Testing.Functions.Protos;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meshery.Testing.Functions;

/// <summary>
/// A test-only Azure Functions host: runs a built isolated-worker app as its real worker process over the
/// host-to-worker gRPC protocol and serves its HTTP-triggered functions on <see cref="BaseAddress"/>
/// through the ASP.NET Core integration, as the Functions host does.
/// </summary>
/// <example>
/// <code>
/// await using var host = await FunctionsHostEmulator.StartAsync(
///     new FunctionsHostOptions { AppDirectory = FunctionsAppLocator.Locate() }, cancellationToken);
/// using var client = new HttpClient { BaseAddress = host.BaseAddress };
/// </code>
/// </example>
public sealed partial class FunctionsHostEmulator : IAsyncDisposable
{
    internal const string WorkerConfigFile = "worker.config.json";

    private static readonly TimeSpan ServerShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WorkerHttpPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly FunctionsHostOptions _options;
    private readonly string _appDirectory;
    private readonly string _routePrefix;
    private readonly string _workerId = Guid.NewGuid().ToString();
    private readonly long _createdAt = Stopwatch.GetTimestamp();
    private readonly Queue<string> _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new(StringComparer.Ordinal);

    // Completes with null once every function is loaded, or with the reason the start failed.
    private readonly TaskCompletionSource<string?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebApplication? _rpcServer;
    private WebApplication? _frontEnd;
    private FunctionRouteTable _routes = new([]);
    private int _disposed;

    private FunctionsHostEmulator(FunctionsHostOptions options)
    {
        _options = options;
        _appDirectory = Path.GetFullPath(options.AppDirectory);
        _routePrefix = FunctionMetadataReader.ReadRoutePrefix(_appDirectory);
    }

    /// <summary>Where the app's HTTP functions answer (HTTP/1.1 on loopback), e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The functions the worker loaded.</summary>
    public IReadOnlyList<FunctionsHostFunction> Functions { get; private set; } = [];

    /// <summary>The worker's logs (<c>RpcLog</c>, stdout, stderr) and the emulator's own steps, oldest first, timed from start.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    /// <summary>How many invocations were sent to the worker.</summary>
    public long InvocationCount => Interlocked.Read(ref _invocationCount);

    /// <summary>The worker's process id.</summary>
    public int WorkerProcessId { get; private set; }

    /// <summary>The worker's exit code once it has exited (0 after a graceful <c>WorkerTerminate</c>).</summary>
    public int? WorkerExitCode { get; private set; }

    /// <summary>
    /// Starts the gRPC listener, the HTTP front end and the worker, and completes once the worker has loaded
    /// every function. Fails with the worker's log when the worker exits, a load fails or the deadline passes.
    /// </summary>
    public static async Task<FunctionsHostEmulator> StartAsync(FunctionsHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppDirectory);
        var workerConfig = FunctionMetadataReader.ReadWorkerConfig(options.AppDirectory);

        var host = new FunctionsHostEmulator(options);
        try
        {
            var rpcUri = await host.StartRpcServerAsync(cancellationToken);
            host.BaseAddress = await host.StartFrontEndAsync(cancellationToken);
            host.StartWorker(workerConfig.Executable, workerConfig.WorkerPath, rpcUri);
            await host.WaitUntilReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>WorkerTerminate</c>, kills the worker's process tree if it outlives the grace period, and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopWorkerAsync();
        await _stopping.CancelAsync();
        FailPendingInvocations("the emulator stopped");
        await StopServerAsync(_frontEnd);
        await StopServerAsync(_rpcServer);
        _forwarder.Dispose();
        _stopping.Dispose();
        _writeLock.Dispose();
    }

    internal void AddLog(string source, string message)
    {
        var elapsed = Stopwatch.GetElapsedTime(_createdAt).TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture, $"{elapsed,8:0.000} {source,-6} {message}");
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > _options.MaxLogLines)
            {
                _log.Dequeue();
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        string? failure;
        try
        {
            failure = await _ready.Task.WaitAsync(deadline.Token)
                ?? await WaitForWorkerHttpAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The Functions worker was not ready within {_options.StartTimeout.TotalSeconds:0} s.{Environment.NewLine}Worker log:{Environment.NewLine}{Log}");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"The Functions host emulator could not start: {failure}{Environment.NewLine}Worker log:{Environment.NewLine}{Log}");
        }

        AddLog("host", $"ready: {Functions.Count} functions on {BaseAddress}");
    }

    // The worker loads its functions before its Kestrel listens on HttpUri: poll until it accepts connections.
    private async Task<string?> WaitForWorkerHttpAsync(CancellationToken cancellationToken)
    {
        var endpoint = new DnsEndPoint(_workerHttpUri!.Host, _workerHttpUri.Port);
        while (true)
        {
            if (_workerExited.IsCompleted)
            {
                return $"the worker exited with code {WorkerExitCode} before listening on {_workerHttpUri}";
            }

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
                AddLog("host", $"worker accepts HTTP on {_workerHttpUri}");
                return null;
            }
            catch (SocketException)
            {
                await Task.Delay(WorkerHttpPollInterval, cancellationToken);
            }
        }
    }

    private async Task<Uri> StartRpcServerAsync(CancellationToken cancellationToken)
    {
        // The worker talks HTTP/2 with prior knowledge: a listener that also allows HTTP/1.1 makes it fail with HTTP_1_1_REQUIRED.
        var builder = CreateServerBuilder(HttpProtocols.Http2);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(this);
        _rpcServer = builder.Build();
        _rpcServer.MapGrpcService<FunctionRpcService>();
        await _rpcServer.StartAsync(cancellationToken);
        return new Uri(_rpcServer.Urls.Single());
    }

    private async Task<Uri> StartFrontEndAsync(CancellationToken cancellationToken)
    {
        _frontEnd = CreateServerBuilder(HttpProtocols.Http1).Build();
        _frontEnd.Run(ProxyAsync);
        await _frontEnd.StartAsync(cancellationToken);
        return new Uri(_frontEnd.Urls.Single() + "/");
    }

    private static WebApplicationBuilder CreateServerBuilder(HttpProtocols protocols)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ServerShutdownTimeout);
        return builder;
    }

    private static async Task StopServerAsync(WebApplication? server)
    {
        if (server is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ServerShutdownTimeout);
        try
        {
            await server.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutdown gave up waiting for open requests; disposing closes them.
        }

        await server.DisposeAsync();
    }
}
