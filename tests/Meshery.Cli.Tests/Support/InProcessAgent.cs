using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Cli.Tests.Support;

/// <summary>The real agent started in-process on a free loopback port, offline, without broker or discovery.</summary>
public class InProcessAgent : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("meshery-cli-agent-");
    private WebApplication? _app;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>More configuration, as <c>--Section:Key=value</c> arguments.</summary>
    protected virtual IReadOnlyList<string> Settings => [];

    public async ValueTask InitializeAsync()
    {
        _app = AgentApplication.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Meshery:LocalProvider:DatabasePath={_folder.Combine("mesherydb.sql")}",
            "--Meshery:Agent:Modules:Broker=false",
            "--Meshery:Agent:Modules:Discovery=false",
            "--Logging:LogLevel:Default=Warning",
            .. Settings,
        ]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        Url = new Uri(_app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
