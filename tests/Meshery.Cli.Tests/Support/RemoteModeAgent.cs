using Meshery.Agent.Hosting;
using Meshery.ExtensionPoints.Client;
using Meshery.Testing.Provider;
using Meshery.Testing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// The real agent in-process with the test provider as its only provider (<c>Enforce</c>): every data
/// request needs a session the provider issued, as a signed-in mesheryctl sends it.
/// </summary>
public sealed class RemoteModeAgent : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("meshery-cli-remote-agent-");
    private WebApplication? _app;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    public static async Task<RemoteModeAgent> StartAsync(ProviderHostFixture provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var agent = new RemoteModeAgent();
        agent._app = AgentApplication.Build(
            [
                "--urls", "http://127.0.0.1:0",
                $"--Meshery:LocalProvider:DatabasePath={agent._folder.Combine("mesherydb.sql")}",
                "--Meshery:Agent:Modules:Broker=false",
                "--Meshery:Agent:Modules:Discovery=false",
                $"--Meshery:Agent:RemoteProvider:Url={provider.BaseAddress}",
                "--Meshery:Agent:RemoteProvider:Name=Meshery",
                "--Meshery:Agent:RemoteProvider:Enforce=true",
                "--Logging:LogLevel:Default=Warning",
            ],
            builder => builder.Services.AddHttpClient(RemoteProviderOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(provider.CreateHandler));
        await agent._app.StartAsync(TestContext.Current.CancellationToken);
        agent.Url = new Uri(agent._app.Urls.Single());
        return agent;
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
