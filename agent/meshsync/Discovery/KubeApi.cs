using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>
/// Raw list, watch and get over KubernetesClient's own HTTP pipeline and credentials, for any resource path
/// (core, groups and CRDs alike), reading JSON with System.Text.Json without typed models.
/// </summary>
public sealed class KubeApi
{
    private readonly k8s.Kubernetes _client;

    public KubeApi(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client as k8s.Kubernetes
            ?? throw new ArgumentException("MeshSync needs a k8s.Kubernetes client (its HTTP pipeline and credentials).", nameof(client));
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and parses the body; error statuses throw <see cref="KubeApiException"/>.</summary>
    public async Task<JsonDocument> GetAsync(string pathAndQuery, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var response = await SendAsync(pathAndQuery, cts.Token).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cts.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a watch and yields one parsed event per line (<c>{"type":..,"object":..}</c>); the caller disposes each.
    /// Ends when the server closes the stream; transport failures throw (IOException, HttpRequestException).
    /// </summary>
    public async IAsyncEnumerable<JsonDocument> WatchAsync(string path, string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var query = $"{path}?watch=true&allowWatchBookmarks=true&timeoutSeconds={seconds}&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        using var response = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                // A broken line is skipped, as KubernetesClient's watcher does; the next lines still count.
                continue;
            }

            yield return document;
        }
    }

    /// <summary>Opens a streaming GET (pod logs); the caller disposes the stream.</summary>
    public async Task<Stream> OpenStreamAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var response = await SendAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_client.BaseUri, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw StatusError((int)response.StatusCode, body, $"GET {pathAndQuery.Split('?')[0]}");
        }
    }

    /// <summary>Builds the exception for a Status body (an HTTP error or a watch ERROR event's object).</summary>
    public static KubeApiException StatusError(int fallbackCode, string? body, string what)
    {
        string? reason = null;
        string? message = null;
        var code = fallbackCode;
        try
        {
            if (!string.IsNullOrEmpty(body))
            {
                using var status = JsonDocument.Parse(body);
                (code, reason, message) = ReadStatus(status.RootElement, fallbackCode);
            }
        }
        catch (JsonException)
        {
            // not a Status object: keep the HTTP code
        }

        return new KubeApiException(code, reason, $"{what}: {code} {reason ?? ((HttpStatusCode)code).ToString()} {message}".TrimEnd());
    }

    public static (int Code, string? Reason, string? Message) ReadStatus(JsonElement status, int fallbackCode)
    {
        var code = status.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : fallbackCode;
        var reason = status.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var message = status.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return (code, reason, message);
    }
}
