using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Agent.Tests.Support;

/// <summary>
/// The agent started in-process on a free loopback port over a database in its own temp folder.
/// Used as a class fixture (one host per test class); tests keep apart with <see cref="NextId"/>.
/// </summary>
public sealed class AgentHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly IReadOnlyList<string> _extraArguments;
    private WebApplication? _app;
    private HttpClient? _client;
    private int _next;

    public AgentHost()
        : this([])
    {
    }

    internal AgentHost(IReadOnlyList<string> extraArguments, string? databasePath = null)
    {
        _extraArguments = extraArguments;
        DatabasePath = databasePath ?? _folder.File("mesherydb.sql");
    }

    public string DatabasePath { get; }

    public string FolderPath => _folder.Path;

    public HttpClient Client => _client ?? throw new InvalidOperationException("The host has not started.");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Starts a host with extra command-line arguments (a small body limit, a broken database).</summary>
    public static async Task<AgentHost> StartAsync(IReadOnlyList<string> extraArguments, string? databasePath = null)
    {
        var host = new AgentHost(extraArguments, databasePath);
        try
        {
            await host.InitializeAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A name no other test of this host uses.</summary>
    public string NextId(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref _next):D3}-{Guid.NewGuid().ToString("N")[..8]}";

    public async ValueTask InitializeAsync()
    {
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Meshery:LocalProvider:DatabasePath={DatabasePath}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Meshery.Agent.LocalProvider=None",
            .. _extraArguments,
        ];
        _app = AgentApplication.Build(arguments);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Urls.Single();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
