using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshery.Cli.Agent;

/// <summary>The agent's REST API (<c>/api/system/version</c>, <c>/readyz</c>, <c>/api/providers</c>).</summary>
public sealed class AgentClient : IDisposable
{
    private readonly HttpClient _http;

    public AgentClient(Uri endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
    }

    public Uri Endpoint { get; }

    public Task<JsonObject> GetVersionAsync(CancellationToken cancellationToken) =>
        GetObjectAsync("/api/system/version", cancellationToken);

    /// <summary>Provider name to capabilities document.</summary>
    public Task<JsonObject> GetProvidersAsync(CancellationToken cancellationToken) =>
        GetObjectAsync("/api/providers", cancellationToken);

    /// <summary>The readiness report and whether it says ready; null when nothing answers.</summary>
    public async Task<(bool Ready, JsonObject Report)?> TryGetReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var report = TryParseObject(text) ?? new JsonObject { ["status"] = response.StatusCode.ToString() };
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

    private async Task<JsonObject> GetObjectAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the Meshery server at {Endpoint}: {Describe(ex)} (is it running? try 'mesheryctl system start')", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the Meshery server at {Endpoint} did not answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = TryParseObject(text)?["detail"]?.GetValue<string>() ?? response.ReasonPhrase;
                throw new CliException($"the Meshery server answered {(int)response.StatusCode} to GET {path}: {detail}");
            }

            return TryParseObject(text) ?? throw new CliException($"the Meshery server sent an unexpected answer to GET {path}");
        }
    }

    internal static string Describe(HttpRequestException ex) =>
        ex.InnerException is SocketException socket ? socket.Message : ex.Message;

    private static JsonObject? TryParseObject(string text)
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
