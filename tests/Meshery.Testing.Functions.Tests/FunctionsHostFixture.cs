using System.Diagnostics;
using Meshery.Testing.Tokens;

namespace Meshery.Testing.Functions.Tests;

/// <summary>One emulator running the real Meshery.Provider.Functions app, shared by a collection.</summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    public FunctionsHostEmulator Host { get; private set; } = null!;

    /// <summary>The issuer the Functions app is configured to trust.</summary>
    public TestTokenIssuer Tokens { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>From <see cref="FunctionsHostEmulator.StartAsync"/> called to every function loaded.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The first request through the worker (it JIT-compiles its HTTP pipeline), made before any test runs.</summary>
    public TimeSpan FirstRequestTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = Stopwatch.GetTimestamp();
        Host = await FunctionsHostEmulator.StartAsync(ProviderAppOptions.Create(Tokens), ct);
        StartTime = Stopwatch.GetElapsedTime(started);
        Client = new HttpClient { BaseAddress = Host.BaseAddress };

        started = Stopwatch.GetTimestamp();
        using var warmUp = await Client.GetAsync(new Uri("healthz", UriKind.Relative), ct);
        FirstRequestTime = Stopwatch.GetElapsedTime(started);
        if (!warmUp.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /healthz answered {(int)warmUp.StatusCode}.{Environment.NewLine}{Host.Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        Tokens.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
