using Meshery.Testing.Azurite;
using Meshery.Testing.Network;
using Meshery.Testing.Storage;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;

namespace Meshery.Testing.Provider;

/// <summary>
/// The self-hosted provider (built by the caller's <c>ProviderHost.Build</c>) over TLS on a fixed free
/// loopback port, its tables in the given Azurite, with any configuration overrides given.
/// <see cref="RestartAsync"/> starts it again on the same port over the same tables, with the
/// sign-in settings as they are then (a key rollover, say).
/// </summary>
public sealed class ProviderHostRunner : IProviderHost, IAsyncDisposable
{
    private readonly Func<string[], WebApplication> _build;
    private readonly TempDirectory _folder = new();
    private readonly SelfSignedCertificate _certificate;
    private readonly Dictionary<string, string> _settings;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private WebApplication? _app;

    public ProviderHostRunner(Func<string[], WebApplication> build, AzuriteFixture azurite, TestTokenIssuer tokens, IdentityTestSettings identity, int? port = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(identity);
        _build = build;
        Identity = identity;
        _certificate = new SelfSignedCertificate(_folder.Path);
        _settings = ProviderSettings.Create(azurite, tokens);
        _settings["Kestrel:Certificates:Default:Path"] = _certificate.Path;
        _settings["Kestrel:Certificates:Default:Password"] = _certificate.Password;
        _overrides = overrides ?? new Dictionary<string, string>();
        Port = port ?? FreePort.Next();
        BaseAddress = new Uri($"https://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public IdentityTestSettings Identity { get; }

    public SelfSignedCertificate Certificate => _certificate;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The provider is not running.");

    public HttpMessageHandler CreateHandler() => _certificate.CreateHandler();

    /// <summary>A client of the provider that trusts its certificate.</summary>
    public HttpClient CreateClient() => _certificate.CreateClient(BaseAddress);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(_settings, StringComparer.Ordinal);
        foreach (var (key, value) in Identity.Settings().Concat(_overrides))
        {
            settings[key] = value;
        }

        string[] args = ["--urls", $"https://127.0.0.1:{Port}", .. settings.Select(kv => $"--{kv.Key}={kv.Value}")];
        _app = _build(args);
        await _app.StartAsync(cancellationToken);
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        await StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate.Dispose();
        _folder.Dispose();
    }

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
