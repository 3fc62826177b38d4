using Meshery.Agent.LocalProvider;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Conformance.Tests.Support;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Paging;
using Meshery.ExtensionPoints.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.ExtensionPoints.Conformance.Tests.Client;

[Collection(ProviderDoubleCollection.Name)]
public sealed class RemoteProviderServiceCollectionExtensionsTests(ProviderDoubleFixture provider)
{
    [Fact]
    public async Task The_remote_client_replaces_the_local_provider_and_calls_through_the_http_client_factory()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddLocalProvider();
        var requests = 0;
        services.AddRemoteProviderClient(new RemoteProviderOptions { BaseAddress = provider.BaseAddress, Timeout = TimeSpan.FromSeconds(20) })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref requests)));
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var environments = container.GetRequiredService<IEnvironmentStore>();
        var user = DoubleTokens.Caller(DoubleTokens.NewToken());
        var created = await environments.CreateAsync(user, new EnvironmentPayload { Name = "via DI" }, TestContext.Current.CancellationToken);
        var page = await environments.ListAsync(user, new PageRequest(), null, TestContext.Current.CancellationToken);

        Assert.IsType<RemoteEnvironmentStore>(environments);
        Assert.IsType<RemoteEventStore>(container.GetRequiredService<IEventStore>());
        Assert.IsType<RemoteUserProfileStore>(container.GetRequiredService<IUserProfileStore>());
        Assert.Same(container.GetRequiredService<RemoteProviderClient>(), container.GetRequiredService<ICapabilitiesSource>());
        Assert.Equal(created.Value.Id, Assert.Single(page.Environments).Id);
        Assert.Equal(3, requests);
    }

    [Fact]
    public void Bad_options_stop_the_wiring_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddRemoteProviderClient(new RemoteProviderOptions { BaseAddress = new Uri("https://p.test/"), MaxResponseBytes = 1 }));

        Assert.Contains(nameof(RemoteProviderOptions.MaxResponseBytes), error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
