using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Meshery.Provider.Hosting;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// What the provider benchmarks run against: a real Azurite, the self-hosted provider in this
/// process over plain HTTP on a free loopback port, one user with preferences and
/// <see cref="Environments"/> environments seeded through the provider's own API, an HTTP client
/// holding that user's bearer token, and plain <see cref="TableClient"/>s on the same tables.
/// </summary>
public sealed class ProviderRig : IAsyncDisposable
{
    public const int Environments = 100;

    private readonly AzuriteFixture _azurite = new();
    private readonly TestTokenIssuer _tokens = new();

    private readonly IReadOnlyList<string> _hostArgs;
    private WebApplication? _app;

    private ProviderRig(int connections, IReadOnlyList<string> hostArgs)
    {
        Connections = connections;
        _hostArgs = hostArgs;
    }

    /// <summary>Most connections the HTTP client opens to the provider (one per concurrent worker).</summary>
    public int Connections { get; }

    public Guid UserId { get; } = Guid.NewGuid();

    /// <summary>The user's partition in every table.</summary>
    public string Partition => TableKeys.Tenant(UserId);

    public HttpClient Http { get; private set; } = null!;

    public TableClient Users { get; private set; } = null!;

    public TableClient EnvironmentTable { get; private set; } = null!;

    public TableClient Events { get; private set; } = null!;

    /// <summary>Starts Azurite and the provider, then seeds the user's data through the provider.</summary>
    /// <param name="connections">Most connections the HTTP client opens.</param>
    /// <param name="hostArgs">More configuration for the host, as <c>--Section:Key=value</c> arguments.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    public static async Task<ProviderRig> StartAsync(int connections, IReadOnlyList<string> hostArgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hostArgs);
        var rig = new ProviderRig(connections, hostArgs);
        try
        {
            await rig.InitializeAsync(cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _tokens.Dispose();
        await _azurite.DisposeAsync();
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _azurite.InitializeAsync();
        var prefix = "b" + _azurite.NextId();
        var settings = new Dictionary<string, string>(_tokens.ProviderSettings(), StringComparer.Ordinal)
        {
            ["Meshery:Provider:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Meshery:Provider:Storage:TablePrefix"] = prefix,
            ["Meshery:Provider:Storage:CredentialKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        string[] args = ["--urls", "http://127.0.0.1:0", .. settings.Select(kv => $"--{kv.Key}={kv.Value}"), .. _hostArgs];
        _app = ProviderHost.Build(args);
        await _app.StartAsync(cancellationToken);

        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        Http = new HttpClient(handler) { BaseAddress = new Uri(_app.Urls.First() + "/"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Mint(UserId, TimeSpan.FromHours(4)));

        var tables = new TableServiceClient(_azurite.ConnectionString);
        Users = tables.GetTableClient(prefix + TableNames.Users);
        EnvironmentTable = tables.GetTableClient(prefix + TableNames.Environments);
        Events = tables.GetTableClient(prefix + TableNames.Events);
        await SeedAsync(cancellationToken);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Put, "user/preferences", ProviderPayloads.Preferences, cancellationToken);
        for (var i = 0; i < Environments; i++)
        {
            await SendAsync(HttpMethod.Post, "api/environments", ProviderPayloads.Environment(i), cancellationToken);
        }

        await SendAsync(HttpMethod.Post, "api/events", ProviderPayloads.Event, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await Http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Seeding {method} /{path} answered {(int)response.StatusCode}: {body}"));
        }
    }
}
