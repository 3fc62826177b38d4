using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Service;
using Meshery.Agent.GrpcHosting;
using Microsoft.AspNetCore.Builder;
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
        (_app, Port) = await GrpcListener.StartAsync(
            settings.Host,
            settings.Port,
            maxMessageBytes: null,
            services.GetRequiredService<ILoggerFactory>(),
            child => child
                .AddSingleton(services.GetRequiredService<IOptions<PerfOptions>>())
                .AddSingleton(services.GetRequiredService<LoadRunner>())
                .AddSingleton(services.GetRequiredService<TestSlots>())
                .AddSingleton(services.GetRequiredService<TimeProvider>()),
            endpoints => endpoints.MapGrpcService<PerfGrpcService>(),
            cancellationToken).ConfigureAwait(false);
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
