using Meshery.Agent.Hosting;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Cli.Tests.Support;

/// <summary>The real agent in-process on a free loopback port, offline, with its perf module (Meshery Perf on a free port) on.</summary>
public sealed class PerfEnabledAgent : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("meshery-cli-perf-");
    private WebApplication? _app;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    public async ValueTask InitializeAsync()
    {
        _app = AgentApplication.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Meshery:LocalProvider:DatabasePath={_folder.Combine("mesherydb.sql")}",
            "--Meshery:Agent:Modules:Broker=false",
            "--Meshery:Agent:Modules:Discovery=false",
            "--Meshery:Agent:Modules:Perf=true",
            "--Meshery:Perf:Host=127.0.0.1",
            "--Meshery:Perf:Port=0",
            "--Meshery:Perf:ProgressInterval=00:00:00.250",
            "--Logging:LogLevel:Default=Warning",
        ]);
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
    }
}
