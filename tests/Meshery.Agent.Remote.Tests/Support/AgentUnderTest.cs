using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Client;
using Meshery.Testing.Network;
using Meshery.Testing.Provider;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>
/// The agent in-process on a fixed free loopback port (so its callback can be registered at the provider
/// before either starts), configured with the test provider as its remote provider. Its provider client
/// trusts the provider's test certificate and notes every call in <see cref="Calls"/>.
/// </summary>
public sealed class AgentUnderTest : IAsyncDisposable
{
    public const string ProviderName = "Meshery";

    private readonly TempDirectory? _folder;
    private readonly string _dataFolder;
    private WebApplication? _app;

    /// <param name="dataFolder">Where the agent keeps its database; by default a folder of its own, removed on dispose.</param>
    public AgentUnderTest(string? dataFolder = null)
    {
        _folder = dataFolder is null ? new TempDirectory() : null;
        _dataFolder = dataFolder ?? _folder!.Path;
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The callback to register at the provider.</summary>
    public string Callback => new Uri(BaseAddress, "api/user/token").ToString();

    public ProviderCallLog Calls { get; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The agent is not running.");

    /// <param name="interpose">An extra handler of the agent's provider client, innermost but for the provider's own (tests that cut calls).</param>
    public async Task StartAsync(
        ProviderHostRunner provider, IReadOnlyDictionary<string, string>? extra = null, Func<DelegatingHandler>? interpose = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = Path.Combine(_dataFolder, "mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = "false",
            ["Meshery:Agent:RemoteProvider:Url"] = provider.BaseAddress.ToString(),
            ["Meshery:Agent:RemoteProvider:Name"] = ProviderName,
            // Every unknown kid may fetch /keys again, so the tests can count those fetches.
            ["Meshery:Agent:RemoteProvider:KeysRefetchInterval"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        string[] args = ["--urls", $"http://127.0.0.1:{Port}", .. settings.Select(kv => $"--{kv.Key}={kv.Value}")];
        _app = AgentApplication.Build(args, builder =>
        {
            var client = builder.Services
                .AddHttpClient(RemoteProviderOptions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(provider.CreateHandler)
                .AddHttpMessageHandler(Calls.CreateHandler);
            if (interpose is not null)
            {
                client.AddHttpMessageHandler(interpose);
            }
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _app = null;
        _folder?.Dispose();
    }
}
