using System.Globalization;
using Meshery.Provider.Hosting;
using Meshery.Testing.Azurite;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Testing.Provider;

/// <summary>
/// The self-hosted provider over TLS on a free port, its tables in a real Azurite. Its issuer is its
/// own address, so clients that follow the discovery document (the CLI) reach its endpoints.
/// </summary>
public class ProviderHostFixture : IAsyncLifetime, IProviderUnderTest
{
    private readonly AzuriteFixture _azurite = new();
    private readonly TempDirectory _folder = new();
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly int _port = FreePort.Next();
    private SelfSignedCertificate? _certificate;
    private WebApplication? _app;

    public ProviderHostFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A provider whose configuration also has <paramref name="overrides"/> (keys with <c>:</c>).</summary>
    protected ProviderHostFixture(IReadOnlyDictionary<string, string> overrides)
    {
        _overrides = overrides;
        Tokens = new TestTokenIssuer { Issuer = string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{_port}") };
    }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; }

    /// <summary>The sign-in server's keys and registered clients.</summary>
    public IdentityTestSettings Identity { get; } = new();

    public long MaxRequestBodyBytes => ProviderSettings.MaxRequestBodyBytes;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The host's TLS certificate (for clients that must trust it, as a PEM file the CLI reads).</summary>
    public SelfSignedCertificate Certificate => _certificate!;

    /// <summary>A handler that trusts the host's TLS certificate (for clients the test does not own).</summary>
    public HttpMessageHandler CreateHandler() => _certificate!.CreateHandler();

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _certificate = new SelfSignedCertificate(_folder.Path);
        var args = new List<string> { "--urls", string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{_port}") };
        var settings = ProviderSettings.Create(_azurite, Tokens);
        foreach (var (key, value) in Identity.Settings().Concat(_overrides))
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
        GC.SuppressFinalize(this);
    }
}
