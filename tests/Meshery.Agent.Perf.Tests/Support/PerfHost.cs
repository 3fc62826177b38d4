using Grpc.Net.Client;
using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Protos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meshery.Agent.Perf.Tests.Support;

/// <summary>Meshery Perf alone, as its own process would run it (a generic host with <c>AddMesheryPerf</c>), on 127.0.0.1.</summary>
public sealed class PerfHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly GrpcChannel _channel;

    private PerfHost(IHost host)
    {
        _host = host;
        Port = host.Services.GetRequiredService<PerfServer>().Port;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}");
        Client = new PerfService.PerfServiceClient(_channel);
    }

    public int Port { get; }

    public PerfService.PerfServiceClient Client { get; }

    public static async Task<PerfHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:Perf:Host"] = "127.0.0.1",
            ["Meshery:Perf:Port"] = "0",
            ["Meshery:Perf:ProgressInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var builder = Host.CreateApplicationBuilder([.. all.Select(kv => $"--{kv.Key}={kv.Value}")]);
        builder.Services.AddMesheryPerf();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new PerfHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
