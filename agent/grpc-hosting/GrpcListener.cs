using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.GrpcHosting;

/// <summary>
/// Starts a module's own gRPC server: a Kestrel app on <c>host:port</c> speaking HTTP/2 cleartext, apart from the
/// agent's REST port so its middleware (sessions, problem details) never touches gRPC, with gRPC reflection as
/// upstream's gRPC components have. The module hands over the singletons its services need.
/// </summary>
public static class GrpcListener
{
    /// <summary>Builds and starts the server; answers it and the port it listens on (the chosen one when configured as 0).</summary>
    public static async Task<(WebApplication App, int Port)> StartAsync(
        string host,
        int port,
        int? maxMessageBytes,
        ILoggerFactory loggerFactory,
        Action<IServiceCollection> addServices,
        Action<IEndpointRouteBuilder> mapServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addServices);
        ArgumentNullException.ThrowIfNull(mapServices);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (maxMessageBytes is { } max)
            {
                kestrel.Limits.MaxRequestBodySize = max;
            }

            Listen(kestrel, host, port, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(o =>
        {
            if (maxMessageBytes is { } max)
            {
                o.MaxReceiveMessageSize = max;
            }
        });
        builder.Services.AddGrpcReflection();
        addServices(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        mapServices(app);
        app.MapGrpcReflectionService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (app, address is null ? port : BindingAddress.Parse(address).Port);
    }

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
}
