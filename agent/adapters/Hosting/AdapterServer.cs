using System.Net;
using Meshery.Agent.Adapters.Events;
using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Hosting;

/// <summary>
/// The adapter's own gRPC listener: a Kestrel server on <see cref="AdapterOptions.Port"/> speaking HTTP/2 cleartext,
/// apart from the agent's REST port so its middleware (sessions, problem details) never touches gRPC, with
/// <c>meshes.MeshService</c> and gRPC reflection, as upstream adapters have.
/// </summary>
public sealed class AdapterServer(IServiceProvider services, IOptions<AdapterOptions> options, ILogger<AdapterServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The port listened on, once started (the chosen one when configured as 0).</summary>
    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxCustomBodyBytes + (1024 * 1024);
            Listen(kestrel, settings.Host, settings.Port, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = settings.MaxCustomBodyBytes + (1024 * 1024));
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton(services.GetRequiredService<IOptions<AdapterOptions>>());
        builder.Services.AddSingleton(services.GetRequiredService<OperationCatalog>());
        builder.Services.AddSingleton(services.GetRequiredService<OperationRunner>());
        builder.Services.AddSingleton(services.GetRequiredService<AdapterEventHub>());
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<AdapterMeshService>();
        app.MapGrpcReflectionService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Port = address is null ? settings.Port : PortOf(address);
        AdapterLog.Listening(logger, settings.MeshName, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;

        // StreamEvents calls end when the child app signals stopping; the hub is completed too in case one was between reads.
        services.GetRequiredService<AdapterEventHub>().CompleteAll();
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (host is "*" or "+" or "0.0.0.0" or "::")
        {
            kestrel.ListenAnyIP(port, configure);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host), port, configure);
        }
    }

    private static int PortOf(string address) =>
        new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)).Port;
}
