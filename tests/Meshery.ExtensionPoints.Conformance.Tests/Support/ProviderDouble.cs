using Meshery.Agent.LocalProvider;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Serving;
using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Hosting;
using Meshery.ExtensionPoints.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>
/// An in-test remote provider: Kestrel on 127.0.0.1:0 serving the routes of docs/PROVIDER-API.md over the
/// Local provider's SQLite stores in a temp folder. Tokens are <c>user-&lt;guid&gt;</c> (see <see cref="DoubleTokens"/>).
/// </summary>
public sealed class ProviderDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private ProviderDouble(WebApplication app, string folder, Uri baseAddress)
    {
        _app = app;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ProviderDouble> StartAsync(ProviderDoubleFaults? faults, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "meshery-double-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration[LocalProviderOptions.Section + ":DatabasePath"] = Path.Combine(folder, "provider.sql");
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => MesheryJson.Apply(o.SerializerOptions, ProviderJsonContext.Default));
        services.AddProblemDetails();
        services.AddAuthorization();
        services.AddSingleton(faults ?? ProviderDoubleFaults.None);
        services.AddSingleton<IContractCallerResolver, BearerCallerResolver>();
        services.AddSingleton<ICapabilitiesSource, DoubleCapabilities>();
        services.AddSingleton<IUserProfileStore, DoubleProfileStore>();
        services.AddLocalProvider();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseMiddleware<DoubleFaultInjection>();
        app.UseMiddleware<DoubleAuthentication>();
        app.UseAuthorization();

        // The contract's shared handlers on the hosted provider's routes, over the Local provider's stores.
        app.MapMesheryProvider();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProviderDouble(app, folder, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up.
        }
    }
}
