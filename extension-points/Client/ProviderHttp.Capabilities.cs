using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Client;

/// <summary>The capabilities document: fetched as Meshery does, kept, and asked for each feature's endpoint.</summary>
internal sealed partial class ProviderHttp
{
    private readonly SemaphoreSlim _capabilitiesLock = new(1, 1);
    private volatile CapabilitiesDocument? _capabilities;

    /// <summary>
    /// <c>GET {provider}/{build}/capabilities</c>, retried (up to <see cref="RemoteProviderOptions.CapabilitiesAttempts"/>)
    /// only when the provider cannot be reached; any answer but 200 with a valid document fails.
    /// A complete document is kept for endpoint lookups.
    /// </summary>
    public Task<CapabilitiesDocument> FetchCapabilitiesAsync(ProviderCaller? caller, CancellationToken cancellationToken) =>
        FetchCapabilitiesAsync(caller, Options.CapabilitiesAttempts, cancellationToken);

    private async Task<CapabilitiesDocument> FetchCapabilitiesAsync(ProviderCaller? caller, int attempts, CancellationToken cancellationToken)
    {
        var uri = At("/" + Uri.EscapeDataString(Options.Build) + "/capabilities");
        for (var attempt = 1; ; attempt++)
        {
            var (response, transportError) = await TrySendAsync(caller, HttpMethod.Get, uri, null, null, cancellationToken);
            if (response is null)
            {
                if (attempt >= attempts)
                {
                    throw new ProviderException(
                        ProviderErrorKind.Unavailable,
                        $"{transportError!.Message} (gave up after {attempt} attempt{(attempt == 1 ? "" : "s")})",
                        transportError);
                }

                RemoteProviderLog.CapabilitiesRetry(_logger, Options.BaseAddress, attempt, attempts, transportError!);
                await Task.Delay(Options.CapabilitiesRetryDelay, _time, cancellationToken);
                continue;
            }

            if (response.StatusCode != 200)
            {
                var failure = ProviderErrors.FromAnswer(response);
                throw new ProviderException(
                    ProviderErrorKind.Unavailable, $"The capabilities document could not be loaded: {failure.Message}", failure);
            }

            var document = Read<CapabilitiesDocument>(response);
            RemoteProviderLog.CapabilitiesLoaded(_logger, document.ProviderName, Options.BaseAddress, document.Capabilities.Count);
            if (document.Capabilities.Count > 0)
            {
                _capabilities = document;
            }

            return document;
        }
    }

    /// <summary>
    /// The address of <paramref name="feature"/>'s advertised endpoint followed by <paramref name="suffix"/>
    /// (<c>/{id}</c>, <c>?query</c>); throws <c>Unavailable</c> when the provider does not offer the feature.
    /// </summary>
    public async Task<Uri> EndpointAsync(string feature, ProviderCaller? caller, string suffix, CancellationToken cancellationToken)
    {
        var document = _capabilities ?? await LoadOnceAsync(caller, cancellationToken);
        if (!document.Supports(feature))
        {
            throw new ProviderException(
                ProviderErrorKind.Unavailable,
                $"The provider '{document.ProviderName}' at {Options.BaseAddress} does not offer '{feature}' (it is not in its capabilities document).");
        }

        var endpoint = document.EndpointOf(feature)?.Trim() ?? "";
        if (endpoint.StartsWith('/'))
        {
            return At(endpoint.TrimEnd('/') + suffix);
        }

        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var absolute)
            && string.Equals(absolute.GetLeftPart(UriPartial.Authority), Options.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(endpoint.TrimEnd('/') + suffix, UriKind.Absolute);
        }

        throw new ProviderException(
            ProviderErrorKind.Unavailable,
            endpoint.Length == 0
                ? $"The provider lists '{feature}' without an endpoint, so it cannot be called remotely."
                : $"The provider advertises '{feature}' at '{endpoint}', which is not a path on {Options.BaseAddress}; the token is not sent elsewhere.");
    }

    /// <summary>Whether the kept (or freshly loaded) document lists <paramref name="feature"/>.</summary>
    public async Task<bool> SupportsAsync(string feature, ProviderCaller? caller, CancellationToken cancellationToken)
    {
        var document = _capabilities ?? await LoadOnceAsync(caller, cancellationToken);
        return document.Supports(feature);
    }

    private async Task<CapabilitiesDocument> LoadOnceAsync(ProviderCaller? caller, CancellationToken cancellationToken)
    {
        await _capabilitiesLock.WaitAsync(cancellationToken);
        try
        {
            // A user's call does not wait out the start-up retries: one attempt, and the next call tries again.
            return _capabilities ?? await FetchCapabilitiesAsync(caller, 1, cancellationToken);
        }
        finally
        {
            _capabilitiesLock.Release();
        }
    }
}
