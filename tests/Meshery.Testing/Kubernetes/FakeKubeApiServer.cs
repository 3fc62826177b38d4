using System.Net;
using Meshery.Testing.Kubernetes.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meshery.Testing.Kubernetes;

/// <summary>
/// A fake Kubernetes API server for tests: the real REST protocol over HTTP on 127.0.0.1 (Kestrel), with
/// in-memory generic storage, discovery, list paging, watches, patches, CRDs, pod logs and fault injection.
/// Product code reaches it only through KubernetesClient, configured from <see cref="KubeConfigYaml"/>
/// or <see cref="CreateClientConfiguration"/>.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: ct);
/// using var client = new k8s.Kubernetes(server.CreateClientConfiguration());
/// var pods = await client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: ct);
/// </code>
/// </example>
public sealed partial class FakeKubeApiServer : IAsyncDisposable
{
    private readonly FakeKubeState _state;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private int _port;
    private int _disposed;

    private FakeKubeApiServer(FakeKubeApiServerOptions options)
    {
        Options = options;
        _state = new FakeKubeState(options);
        _port = options.Port;
    }

    public FakeKubeApiServerOptions Options { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>; the port stays the same across <see cref="RestartAsync"/>.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{_port}/");

    public int Port => _port;

    public bool IsRunning => _app is not null;

    /// <summary>Starts a server with a fresh cluster holding the <c>default</c> and <c>kube-system</c> namespaces.</summary>
    public static async Task<FakeKubeApiServer> StartAsync(FakeKubeApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeKubeApiServerOptions();
        Validate(options);
        var server = new FakeKubeApiServer(options);
        try
        {
            await server.RestartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops listening, resetting open watches and log streams; the stored cluster is kept.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopHostAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts listening again on the same port (stopping first if running), like an API server restart.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopHostAsync(cancellationToken).ConfigureAwait(false);
            _state.BeginStart();
            var app = Build(_port);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _port = new Uri(address).Port;
            _app = app;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _state.Dispose();
        _lifecycle.Dispose();
    }

    private static void Validate(FakeKubeApiServerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WatchHistorySize, nameof(options.WatchHistorySize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatchBufferSize, 1, nameof(options.WatchBufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxListSnapshots, 1, nameof(options.MaxListSnapshots));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BookmarkInterval, TimeSpan.Zero, nameof(options.BookmarkInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ContinueTokenLifetime, TimeSpan.Zero, nameof(options.ContinueTokenLifetime));
        ArgumentException.ThrowIfNullOrEmpty(options.ContextName, nameof(options.ContextName));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
    }

    private async Task StopHostAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        _state.BeginStop();
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private WebApplication Build(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Options.MaxRequestBodyBytes;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(_state);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.UseKubeApi(_state);
        return app;
    }
}
