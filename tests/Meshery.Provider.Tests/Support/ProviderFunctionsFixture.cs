using Meshery.Testing.Azurite;
using Meshery.Testing.Provider;
using Meshery.Testing.Functions;
using Meshery.Testing.Tokens;

namespace Meshery.Provider.Tests.Support;

/// <summary>The provider's real Functions app run by the host emulator, its tables in a real Azurite.</summary>
public sealed class ProviderFunctionsFixture : IAsyncLifetime, IProviderUnderTest
{
    private readonly AzuriteFixture _azurite = new();

    public FunctionsHostEmulator Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    public HttpClient Client { get; private set; } = null!;

    public TestTokenIssuer Tokens { get; } = new();

    public long MaxRequestBodyBytes => ProviderSettings.MaxRequestBodyBytes;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var options = new FunctionsHostOptions { AppDirectory = FunctionsAppLocator.Locate() };
        foreach (var (key, value) in ProviderSettings.Create(_azurite, Tokens, "__"))
        {
            options.Environment[key] = value;
        }

        Host = await FunctionsHostEmulator.StartAsync(options, TestContext.Current.CancellationToken);
        Client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Tokens.Dispose();
        await _azurite.DisposeAsync();
    }
}
