using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Auth;

namespace Meshery.Cli.Commands.Perf;

/// <summary>
/// The agent's performance routes (<c>/api/user/performance/profiles</c>, its results and its run stream), with the
/// context's sign-in as a bearer token when there is one (the remote provider's), none for the Local provider.
/// </summary>
public sealed class PerfApiClient : IDisposable
{
    private const string Profiles = "/api/user/performance/profiles";
    private readonly HttpClient _http;

    public PerfApiClient(Uri endpoint, string? accessToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;

        // No overall timeout: a run streams for as long as its test lasts. Connecting is bounded by the handler.
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = endpoint,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(accessToken))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
    }

    public Uri Endpoint { get; }

    /// <summary>The client for the session's context.</summary>
    public static PerfApiClient For(CliSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (name, settings) = session.ResolveContext(session.LoadConfig());
        var login = new AuthFile(session.Paths.AuthFile).Find(name);
        return new PerfApiClient(settings.EndpointUri(name), login?.AccessToken);
    }

    public async Task<JsonArray> ListProfilesAsync(string? search, CancellationToken cancellationToken)
    {
        var query = search is null ? "?pagesize=all" : $"?pagesize=all&search={Uri.EscapeDataString(search)}";
        var page = await SendAsync(HttpMethod.Get, Profiles + query, null, cancellationToken).ConfigureAwait(false);
        return page?["profiles"] as JsonArray ?? [];
    }

    public async Task<JsonObject> GetProfileAsync(Guid id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, $"{Profiles}/{id:D}", null, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException($"the Meshery server sent no profile {id}");

    public async Task<JsonObject> SaveProfileAsync(JsonObject profile, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, Profiles, profile, cancellationToken).ConfigureAwait(false)
            ?? throw new CliException("the Meshery server sent no profile back");

    public Task DeleteProfileAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"{Profiles}/{id:D}", null, cancellationToken);

    public async Task<JsonArray> ListResultsAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var page = await SendAsync(HttpMethod.Get, $"{Profiles}/{profileId:D}/results?pagesize=all", null, cancellationToken).ConfigureAwait(false);
        return page?["results"] as JsonArray ?? [];
    }

    /// <summary>Runs the profile (<c>GET .../{id}/run</c>), handing each event to <paramref name="onEvent"/>; returns the last one.</summary>
    public async Task<JsonObject> RunAsync(Guid profileId, IReadOnlyList<KeyValuePair<string, string>> parameters, Action<JsonObject> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(onEvent);
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var path = $"{Profiles}/{profileId:D}/run?{query}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "GET", path, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        JsonObject? last = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal) || Parse(line[5..].Trim()) is not { } data)
            {
                continue;
            }

            last = data;
            onEvent(data);
        }

        return last ?? throw new CliException("the Meshery server ended the run without any event");
    }

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, method.Method, path, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : Parse(text) ?? throw new CliException($"the Meshery server sent an unexpected answer to {method} {path}");
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the Meshery server at {Endpoint}: {AgentClient.Describe(ex)} (is it running? try 'mesheryctl system start')", ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = (string?)Parse(text)?["detail"] ?? response.ReasonPhrase;
        var route = path.Split('?')[0];
        throw new CliException($"the Meshery server answered {(int)response.StatusCode} to {method} {route}: {detail}");
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
