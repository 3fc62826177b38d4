using System.Net;
using Meshery.Agent.MeshSync.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshSync.Health;

/// <summary>A small Kestrel listener for <c>/healthz</c> and <c>/readyz</c> on <c>HealthPort</c> (11000), as upstream's probes expect.</summary>
public sealed class MeshSyncHealthServer(IOptions<MeshSyncOptions> options, MeshSyncReadiness readiness, ILogger<MeshSyncHealthServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The port listened on (after start; useful when configured as 0... which disables, so always the configured one).</summary>
    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HealthPort == 0)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Any, options.Value.HealthPort));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(readiness);
        var app = builder.Build();
        app.UseRouting();
        app.MapMeshSyncHealthEndpoints();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Port = address is null ? options.Value.HealthPort : new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        MeshSyncLog.HealthListening(logger, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
