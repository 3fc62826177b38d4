using Grpc.Net.Client;
using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Adapters.Protos;
using Meshery.Agent.Adapters.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meshery.Agent.Adapters.Tests.Support;

/// <summary>The adapter alone, as its own process would run it (a generic host with <c>AddMesheryAdapter</c>), on 127.0.0.1.</summary>
public sealed class AdapterHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly GrpcChannel _channel;

    private AdapterHost(IHost host)
    {
        _host = host;
        Port = host.Services.GetRequiredService<AdapterServer>().Port;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}");
        Client = new MeshService.MeshServiceClient(_channel);
    }

    public int Port { get; }

    public string Location => $"127.0.0.1:{Port}";

    public MeshService.MeshServiceClient Client { get; }

    public AdapterRegistrationWorker Registration => _host.Services.GetRequiredService<AdapterRegistrationWorker>();

    /// <summary>Starts an adapter on <paramref name="port"/> (0: any); registration is off unless <paramref name="settings"/> turn it on.</summary>
    public static async Task<AdapterHost> StartAsync(int port = 0, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:Adapter:Host"] = "127.0.0.1",
            ["Meshery:Adapter:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Meshery:Adapter:Register"] = "false",
            ["Meshery:Adapter:ClusterRequestTimeout"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var builder = Host.CreateApplicationBuilder([.. all.Select(kv => $"--{kv.Key}={kv.Value}")]);
        builder.Services.AddMesheryAdapter();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new AdapterHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
