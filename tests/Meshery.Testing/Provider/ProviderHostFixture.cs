using System.Globalization;
using Meshery.Provider.Hosting;
using Meshery.Testing.Azurite;
using Meshery.Testing.Network;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Testing.Provider;

/// <summary>
/// The self-hosted provider over TLS on a free port, its tables in a real Azurite. Its issuer is its
/// own address, so clients that follow the discovery document (the CLI) reach its endpoints.
/// </summary>
public class ProviderHostFixture : IAsyncLifetime, IProviderUnderTest, IProviderHost
{
    private readonly AzuriteFixture _azurite = new();
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly int _port;
    private ProviderHostRunner? _host;

    public ProviderHostFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A provider whose configuration also has <paramref name="overrides"/> (keys with <c>:</c>).</summary>
    protected ProviderHostFixture(IReadOnlyDictionary<string, string> overrides, int? port = null)
    {
        _overrides = overrides;
        _port = port ?? FreePort.Next();
        Tokens = new TestTokenIssuer { Issuer = string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{_port}") };
    }

    public Uri BaseAddress => _host!.BaseAddress;

    public HttpClient Client { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; }

    /// <summary>The sign-in server's keys and registered clients.</summary>
    public IdentityTestSettings Identity { get; } = new();

    public long MaxRequestBodyBytes => ProviderSettings.MaxRequestBodyBytes;

    public IServiceProvider Services => _host!.Services;

    /// <summary>The host's TLS certificate (for clients that must trust it, as a PEM file the CLI reads).</summary>
    public SelfSignedCertificate Certificate => _host!.Certificate;

    /// <summary>A handler that trusts the host's TLS certificate (for clients the test does not own).</summary>
    public HttpMessageHandler CreateHandler() => _host!.CreateHandler();

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _host = new ProviderHostRunner(args => ProviderHost.Build(args, ConfigureHost), _azurite, Tokens, Identity, _port, _overrides);
        await _host.StartAsync(TestContext.Current.CancellationToken);
        Client = _host.CreateClient();
    }

    /// <summary>Runs on the host's builder last, before it is built (services a test needs, such as trust).</summary>
    protected virtual void ConfigureHost(WebApplicationBuilder builder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Tokens.Dispose();
        Identity.Dispose();
        await _azurite.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
