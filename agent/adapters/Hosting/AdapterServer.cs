using Meshery.Agent.Adapters.Events;
using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Service;
using Meshery.Agent.GrpcHosting;
using Microsoft.AspNetCore.Builder;
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
        (_app, Port) = await GrpcListener.StartAsync(
            settings.Host,
            settings.Port,
            settings.MaxCustomBodyBytes + (1024 * 1024),
            services.GetRequiredService<ILoggerFactory>(),
            child => child
                .AddSingleton(services.GetRequiredService<IOptions<AdapterOptions>>())
                .AddSingleton(services.GetRequiredService<OperationCatalog>())
                .AddSingleton(services.GetRequiredService<OperationRunner>())
                .AddSingleton(services.GetRequiredService<AdapterEventHub>()),
            endpoints => endpoints.MapGrpcService<AdapterMeshService>(),
            cancellationToken).ConfigureAwait(false);
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
}
