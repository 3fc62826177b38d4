using System.Net.Http.Headers;
using System.Text;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>
/// The state of one run: the client under test (over a recording handler), both users, the
/// capabilities document and a run id that names every entity the run creates.
/// </summary>
internal sealed partial class ConformanceSession : IDisposable
{
    private readonly ExchangeRecorder _recorder;
    private readonly HttpClient _http;
    private readonly string _base;

    public ConformanceSession(ConformanceOptions options, HttpMessageHandler? handler)
    {
        Options = options;
        _recorder = new ExchangeRecorder(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        _http = new HttpClient(_recorder, disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new RemoteProviderClient(
            _http,
            new RemoteProviderOptions { BaseAddress = options.Provider, Build = options.Build, Timeout = options.Timeout, CapabilitiesAttempts = 1 });
        var systemId = Guid.NewGuid();
        User = new ProviderCaller(Guid.Empty, options.Token, systemId);
        SecondUser = options.SecondToken is { Length: > 0 } second ? new ProviderCaller(Guid.Empty, second, systemId) : null;
        RunId = Guid.NewGuid().ToString("N")[..8];
        _base = options.Provider.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public ConformanceOptions Options { get; }

    public RemoteProviderClient Client { get; }

    public ProviderCaller User { get; set; }

    public ProviderCaller? SecondUser { get; set; }

    /// <summary>Eight hex digits in the name of every entity this run creates.</summary>
    public string RunId { get; }

    public CapabilitiesDocument Capabilities { get; set; } = new();

    /// <summary>An organization of the first user, when <c>organizations</c> listed one.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary><c>conformance-{run}-{suffix}</c>.</summary>
    public string NameFor(string suffix) => $"conformance-{RunId}-{suffix}";

    /// <summary>The second user, or a skip when no second token was given.</summary>
    public ProviderCaller RequireSecondUser() =>
        SecondUser ?? throw CheckFailedException.Skipped("no second token was given (--second-token)");

    /// <summary>The advertised endpoint of <paramref name="feature"/> plus <paramref name="suffix"/>, as the client resolves it.</summary>
    public Uri Endpoint(string feature, string suffix = "")
    {
        var endpoint = Capabilities.EndpointOf(feature)?.Trim() ?? "";
        if (endpoint.StartsWith('/'))
        {
            return new Uri(_base + endpoint.TrimEnd('/') + suffix);
        }

        return Uri.TryCreate(endpoint, UriKind.Absolute, out _)
            ? new Uri(endpoint.TrimEnd('/') + suffix)
            : throw new CheckFailedException($"'{feature}' is advertised without a usable endpoint ('{endpoint}')");
    }

    /// <summary>A fixed path on the provider (<c>/api/events/list</c>).</summary>
    public Uri At(string path) => new(_base + path);

    /// <summary>Runs a client call, keeping what it returned or threw and the exchange it made.</summary>
    public async Task<CallOutcome<T>> CallAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _recorder.Clear();
        try
        {
            var value = await call();
            return new CallOutcome<T>(value, _recorder.Last, null);
        }
        catch (ProviderException ex)
        {
            return new CallOutcome<T>(default, _recorder.Last, ex);
        }
    }

    /// <summary>Sends a request by hand, with the caller's token (none when null) and an optional raw body.</summary>
    public async Task<RawAnswer> RawAsync(
        HttpMethod method, Uri uri, ProviderCaller? caller, string? body, CancellationToken cancellationToken, string contentType = "application/json", string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (caller?.Token is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (caller?.SystemId is { } systemId)
        {
            request.Headers.TryAddWithoutValidation("SystemID", systemId.ToString("D"));
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var call = $"{method.Method} {Uri.UnescapeDataString(uri.PathAndQuery)}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return new RawAnswer(
                call,
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                text,
                response.Headers.ETag?.ToString(),
                response.Headers.WwwAuthenticate.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CheckFailedException($"{call} got no answer within {Options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            throw new CheckFailedException($"{call} could not reach the provider: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
