using System.Net;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Perf.Hosting;

/// <summary>
/// Meshery Perf's own gRPC listener (HTTP/2 cleartext on <see cref="PerfOptions.Port"/>, 10013), apart from the
/// agent's REST port, with <c>meshery.perf.v1.PerfService</c> and gRPC reflection.
/// </summary>
public sealed class PerfServer(IServiceProvider services, IOptions<PerfOptions> options, ILogger<PerfServer> logger) : IHostedService, IAsyncDisposable
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
            Action<ListenOptions> http2 = o => o.Protocols = HttpProtocols.Http2;
            switch (settings.Host)
            {
                case "*":
                    kestrel.ListenAnyIP(settings.Port, http2);
                    break;
                case var host when host.Equals("localhost", StringComparison.OrdinalIgnoreCase):
                    kestrel.ListenLocalhost(settings.Port, http2);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(settings.Host), settings.Port, http2);
                    break;
            }
        });
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton(services.GetRequiredService<IOptions<PerfOptions>>());
        builder.Services.AddSingleton(services.GetRequiredService<LoadRunner>());
        builder.Services.AddSingleton(services.GetRequiredService<TestSlots>());
        builder.Services.AddSingleton(services.GetRequiredService<TimeProvider>());
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<PerfGrpcService>();
        app.MapGrpcReflectionService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Port = address is null ? settings.Port : BindingAddress.Parse(address).Port;
        PerfLog.Listening(logger, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
