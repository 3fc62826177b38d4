using Grpc.Net.Client;
using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Protos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Performance;

/// <summary>
/// The agent's link to Meshery Perf, as it has one to each adapter: a gRPC channel to the configured address, or to
/// this process's own Meshery Perf (known once it listens, so the channel is made on first use).
/// </summary>
public sealed class PerfRunClient(IOptions<PerfClientOptions> options, IServiceProvider services) : IDisposable
{
    private readonly Lock _gate = new();
    private GrpcChannel? _channel;
    private PerfService.PerfServiceClient? _client;

    /// <summary>The address calls go to.</summary>
    public string Address => ResolveAddress();

    public PerfService.PerfServiceClient Client
    {
        get
        {
            lock (_gate)
            {
                if (_client is null)
                {
                    _channel = GrpcChannel.ForAddress(ResolveAddress(), new GrpcChannelOptions
                    {
                        HttpHandler = new SocketsHttpHandler
                        {
                            ConnectTimeout = options.Value.ConnectTimeout,
                            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                        },
                        DisposeHttpClient = true,
                    });
                    _client = new PerfService.PerfServiceClient(_channel);
                }

                return _client;
            }
        }
    }

    public void Dispose() => _channel?.Dispose();

    private string ResolveAddress()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Address))
        {
            return options.Value.Address;
        }

        if (services.GetService<PerfServer>() is { Port: > 0 } own)
        {
            var host = services.GetRequiredService<IOptions<PerfOptions>>().Value.Host;
            var reachable = host is "*" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "localhost"
                : System.Net.IPAddress.Parse(host).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
            return $"http://{reachable}:{own.Port}";
        }

        return PerfClientOptions.DefaultAddress;
    }
}
