using Meshery.Provider.Hosting;
using Meshery.Testing.Azurite;
using Meshery.Testing.Storage;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Provider.Tests.Support;

/// <summary>The self-hosted provider over TLS on a free port, its tables in a real Azurite.</summary>
public sealed class ProviderHostFixture : IAsyncLifetime, IProviderUnderTest
{
    private readonly AzuriteFixture _azurite = new();
    private readonly TempDirectory _folder = new();
    private SelfSignedCertificate? _certificate;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; } = new();

    /// <summary>The sign-in server's keys and registered clients.</summary>
    public IdentityTestSettings Identity { get; } = new();

    public long MaxRequestBodyBytes => ProviderSettings.MaxRequestBodyBytes;

    public IServiceProvider Services => _app!.Services;

    /// <summary>A handler that trusts the host's TLS certificate (for clients the test does not own).</summary>
    public HttpMessageHandler CreateHandler() => _certificate!.CreateHandler();

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _certificate = new SelfSignedCertificate(_folder.Path);
        var args = new List<string> { "--urls", "https://127.0.0.1:0" };
        var settings = ProviderSettings.Create(_azurite, Tokens);
        foreach (var (key, value) in Identity.Settings())
        {
            settings[key] = value;
        }

        settings["Kestrel:Certificates:Default:Path"] = _certificate.Path;
        settings["Kestrel:Certificates:Default:Password"] = _certificate.Password;
        args.AddRange(settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        _app = ProviderHost.Build([.. args]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        BaseAddress = new Uri(_app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        Client = _certificate.CreateClient(BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _certificate?.Dispose();
        Tokens.Dispose();
        Identity.Dispose();
        await _azurite.DisposeAsync();
        _folder.Dispose();
    }
}
