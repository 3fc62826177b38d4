namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// Where the remote provider is and the limits of every call the client makes to it.
/// </summary>
public sealed record RemoteProviderOptions
{
    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client the DI wiring registers.</summary>
    public const string HttpClientName = "Meshery.RemoteProvider";

    /// <summary>The build (server version) sent in <c>GET {provider}/{build}/capabilities</c> when none is set.</summary>
    public static readonly string DefaultBuild = "v" + (typeof(RemoteProviderOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>The provider's base address, e.g. <c>https://meshery.example.com</c> (a path prefix is kept).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The calling server's version, the <c>{build}</c> of the capabilities path.</summary>
    public string Build { get; init; } = DefaultBuild;

    /// <summary>How long one call (request and whole answer) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest answer body read; a larger one fails the call.</summary>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How many times the capabilities document is asked for when the provider cannot be reached.</summary>
    public int CapabilitiesAttempts { get; init; } = 10;

    /// <summary>The pause between those attempts (Meshery waits 3 s).</summary>
    public TimeSpan CapabilitiesRetryDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{nameof(BaseAddress)} must be an absolute http or https address; got '{BaseAddress}'.", nameof(BaseAddress));
        }

        if (string.IsNullOrWhiteSpace(Build) || Build.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{nameof(Build)} must be a version such as 'v0.8.0'; got '{Build}'.", nameof(Build));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"{nameof(Timeout)} must be more than zero and at most 10 minutes; got {Timeout}.", nameof(Timeout));
        }

        if (MaxResponseBytes < 1024)
        {
            throw new ArgumentException($"{nameof(MaxResponseBytes)} must be at least 1024; got {MaxResponseBytes}.", nameof(MaxResponseBytes));
        }

        if (CapabilitiesAttempts < 1 || CapabilitiesRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(CapabilitiesAttempts)} must be at least 1 and {nameof(CapabilitiesRetryDelay)} not negative.", nameof(CapabilitiesAttempts));
        }
    }
}
