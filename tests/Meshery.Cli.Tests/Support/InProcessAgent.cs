using Meshery.Agent.Hosting;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Cli.Tests.Support;

/// <summary>The real agent started in-process on a free loopback port, offline, without broker or discovery.</summary>
public class InProcessAgent : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("meshery-cli-agent-");
    private readonly Func<int, IReadOnlyDictionary<string, string>> _settings;
    private WebApplication? _app;

    public InProcessAgent()
        : this(_ => new Dictionary<string, string>())
    {
    }

    /// <summary>An agent with more configuration, given the port it will listen on.</summary>
    protected InProcessAgent(Func<int, IReadOnlyDictionary<string, string>> settings) => _settings = settings;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Meshery:LocalProvider:DatabasePath"] = _folder.Combine("mesherydb.sql"),
            ["Meshery:Agent:Modules:Broker"] = "false",
            ["Meshery:Agent:Modules:Discovery"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _settings(port))
        {
            settings[key] = value;
        }

        _app = AgentApplication.Build(["--urls", $"http://127.0.0.1:{port}", .. settings.Select(kv => $"--{kv.Key}={kv.Value}")]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        Url = new Uri(_app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
