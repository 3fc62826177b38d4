using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Agent;

/// <summary>
/// The agent's REST API. Every failure becomes a <see cref="CliException"/> whose message is the one line
/// to print: the server is down, the sign-in is missing (401), something named was not found (404), or
/// the server refused the request (its problem detail).
/// </summary>
public sealed partial class AgentClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for <paramref name="endpoint"/>; <paramref name="bearerToken"/> is the context's access token, when signed in.</summary>
    public AgentClient(Uri endpoint, TimeSpan? timeout = null, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrEmpty(bearerToken))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri Endpoint { get; }

    /// <summary>Told each request and its answer's status (<c>--verbose</c>); never the token.</summary>
    public Action<string>? Trace { get; init; }

    public async Task<JsonObject> GetVersionAsync(CancellationToken cancellationToken) =>
        await GetObjectAsync("/api/system/version", notFound: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Provider name to capabilities document.</summary>
    public async Task<JsonObject> GetProvidersAsync(CancellationToken cancellationToken) =>
        await GetObjectAsync("/api/providers", notFound: null, cancellationToken).ConfigureAwait(false);

    /// <summary>The readiness report and whether it says ready; null when nothing answers.</summary>
    public async Task<(bool Ready, JsonObject Report)?> TryGetReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var report = TryParse(text) as JsonObject ?? new JsonObject { ["status"] = response.StatusCode.ToString() };
            return (response.StatusCode == HttpStatusCode.OK, report);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>GETs a JSON object; <paramref name="notFound"/> names what a 404 means (e.g. <c>design 'web'</c>).</summary>
    public async Task<JsonObject> GetObjectAsync(string path, string? notFound, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, path, null, notFound, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new CliException($"the Meshery server sent an unexpected answer to GET {path}");

    /// <summary>Sends a request and answers its JSON body (null for an empty one, as after a delete).</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, string? notFound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var response = await ExchangeAsync(method, path, content, notFound, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParse(text) ?? throw new CliException($"the Meshery server sent an answer to {method} {path} that is not JSON");
    }

    /// <summary>GETs a file: its bytes and the name the server suggests for it.</summary>
    public async Task<(byte[] Body, string? FileName)> DownloadAsync(string path, string? notFound, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(HttpMethod.Get, path, null, notFound, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var disposition = response.Content.Headers.ContentDisposition;
        return (body, (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"'));
    }

    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string path, HttpContent? content, string? notFound, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        HttpResponseMessage response;
        try
        {
            Trace?.Invoke($"{method} {new Uri(Endpoint, path)}");
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Trace?.Invoke($"  -> {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the Meshery server at {Endpoint}: {Describe(ex)} (is it running? try 'mesheryctl system start')", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the Meshery server at {Endpoint} did not answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Failure(method, path, response.StatusCode, response.ReasonPhrase, TryParse(text) as JsonObject, notFound);
        }
    }

    internal static string Describe(HttpRequestException ex) =>
        ex.InnerException is SocketException socket ? socket.Message : ex.Message;

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
