using Meshery.Agent.LocalProvider;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Conformance.Tests.Support;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Organizations;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.ExtensionPoints.Workspaces;
using Meshery.Provider.Auth;
using Meshery.Provider.Hosting;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Meshery.ExtensionPoints.Conformance.Tests.Running;

/// <summary>
/// The provider's own handlers, authentication and capabilities document (composed as
/// <c>ProviderHost</c> does, over plain HTTP) with the Local SQLite stores standing in for the table
/// stores, run through the kit with real signed tokens.
/// </summary>
public sealed class ProviderHostConformanceTests : IAsyncLifetime
{
    private static readonly Type[] Capabilities =
    [
        typeof(IPreferencesStore), typeof(IUserProfileStore), typeof(IOrganizationStore), typeof(IEnvironmentStore), typeof(IWorkspaceStore),
        typeof(IConnectionStore), typeof(ICredentialStore), typeof(IPerformanceProfileStore), typeof(IPerformanceResultStore),
        typeof(IDesignStore), typeof(IEventStore),
    ];

    private readonly TestTokenIssuer _tokens = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshery-provider-host-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        foreach (var (key, value) in _tokens.ProviderSettings())
        {
            builder.Configuration[key] = value;
        }

        builder.Configuration[LocalProviderOptions.Section + ":DatabasePath"] = Path.Combine(_folder, "provider.sql");
        builder.AddMesheryProvider();
        foreach (var capability in Capabilities)
        {
            builder.Services.RemoveAll(capability);
        }

        builder.Services.AddLocalProvider();
        builder.Services.Replace(ServiceDescriptor.Singleton<IUserProfileStore, CallerProfileStore>());
        builder.Services.AddAuthentication(ProviderClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, MesheryTokenAuthenticationHandler>(ProviderClaims.Scheme, configureOptions: null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapMesheryProvider();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _tokens.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_provider_host_passes_the_kit()
    {
        var address = _app!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var report = await new ConformanceRunner(new ConformanceOptions
        {
            Provider = new Uri(address),
            Token = _tokens.Mint(Guid.NewGuid()),
            SecondToken = _tokens.Mint(Guid.NewGuid()),
        }).RunAllAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.Checks.Where(c => c.Outcome == CheckOutcome.Fail).Select(c => $"{c.Name}: {c.Reason}"));
        Assert.True(report.Passed >= 120, $"only {report.Passed} checks passed");
        Assert.Contains(report.Checks, c => c.Name == "capabilities.fetch" && c.Reason.Contains(Features.PersistEvents, StringComparison.Ordinal));
    }
}
