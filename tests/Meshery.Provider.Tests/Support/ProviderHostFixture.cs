using Meshery.Provider.Hosting;
using Meshery.Testing.Azurite;
using Meshery.Testing.Provider;
using Meshery.Testing.Tokens;

namespace Meshery.Provider.Tests.Support;

/// <summary>The self-hosted provider over TLS on a free port, its tables in a real Azurite.</summary>
public sealed class ProviderHostFixture : IAsyncLifetime, IProviderUnderTest, IProviderHost
{
    private readonly AzuriteFixture _azurite = new();
    private ProviderHostRunner? _host;

    public Uri BaseAddress => _host!.BaseAddress;

    public HttpClient Client { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; } = new();

    /// <summary>The sign-in server's keys and registered clients.</summary>
    public IdentityTestSettings Identity { get; } = new();

    public long MaxRequestBodyBytes => ProviderSettings.MaxRequestBodyBytes;

    public IServiceProvider Services => _host!.Services;

    /// <summary>A handler that trusts the host's TLS certificate (for clients the test does not own).</summary>
    public HttpMessageHandler CreateHandler() => _host!.CreateHandler();

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _host = new ProviderHostRunner(ProviderHost.Build, _azurite, Tokens, Identity);
        await _host.StartAsync(TestContext.Current.CancellationToken);
        Client = _host.CreateClient();
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
    }
}
