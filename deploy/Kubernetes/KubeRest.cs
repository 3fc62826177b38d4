using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Meshery.Deploy.Kubernetes;

/// <summary>
/// Untyped REST over KubernetesClient's own HTTP pipeline and credentials, for any resource path: get, list,
/// watch, server-side apply, merge patch and delete of JSON objects.
/// </summary>
public sealed class KubeRest
{
    private readonly k8s.Kubernetes _client;

    public KubeRest(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client as k8s.Kubernetes
            ?? throw new ArgumentException("KubeRest needs a k8s.Kubernetes client (its HTTP pipeline and credentials).", nameof(client));
    }

    /// <summary>The object at <paramref name="path"/>, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A list (<c>items</c> and <c>metadata.resourceVersion</c>); an unknown resource type throws 404.</summary>
    public async Task<JsonObject> ListAsync(string collectionPath, string? labelSelector, CancellationToken cancellationToken)
    {
        var query = labelSelector is null ? collectionPath : $"{collectionPath}?labelSelector={Uri.EscapeDataString(labelSelector)}";
        using var response = await SendAsync(HttpMethod.Get, query, null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Server-side apply of <paramref name="body"/> (sent as JSON, which is YAML) with the field manager, forcing conflicts.</summary>
    public async Task<JsonObject> ApplyAsync(string path, JsonObject body, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var query = $"{path}?fieldManager={Uri.EscapeDataString(fieldManager)}&force=true";
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        using var response = await SendAsync(HttpMethod.Patch, query, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates <paramref name="body"/> in the collection; null when an object of that name already exists (409 AlreadyExists).</summary>
    public async Task<JsonObject?> CreateAsync(string collectionPath, JsonObject body, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var query = $"{collectionPath}?fieldManager={Uri.EscapeDataString(fieldManager)}";
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, query, content, cancellationToken, HttpStatusCode.Conflict).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Conflict ? null : await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// JSON merge patch as <paramref name="fieldManager"/> (the fields it changes are recorded as that manager's, not
    /// under the client library's name); put <c>metadata.resourceVersion</c> in the patch for an optimistic write (409 when stale).
    /// </summary>
    public async Task<JsonObject> MergePatchAsync(string path, JsonObject patch, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        using var content = new StringContent(patch.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        var query = $"{path}?fieldManager={Uri.EscapeDataString(fieldManager)}";
        using var response = await SendAsync(HttpMethod.Patch, query, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the object (background propagation); false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var content = new StringContent("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}", Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Delete, path, content, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>
    /// Watches a collection from <paramref name="resourceVersion"/> with bookmarks, yielding <c>(type, object)</c> per
    /// event until the server ends the stream. An ERROR event (such as 410 Expired) throws <see cref="KubeRestException"/>.
    /// </summary>
    public async IAsyncEnumerable<(string Type, JsonObject Object)> WatchAsync(
        string collectionPath, string resourceVersion, string? labelSelector, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var query = $"{collectionPath}?watch=true&allowWatchBookmarks=true&timeoutSeconds={seconds}&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        if (labelSelector is not null)
        {
            query += $"&labelSelector={Uri.EscapeDataString(labelSelector)}";
        }

        using var response = await SendAsync(HttpMethod.Get, query, null, cancellationToken, streaming: true).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject ev || ev["object"] is not JsonObject obj)
            {
                continue;
            }

            var type = (string?)ev["type"] ?? string.Empty;
            if (type == "ERROR")
            {
                throw StatusError((int?)obj["code"] ?? 500, obj.ToJsonString(), $"WATCH {collectionPath}");
            }

            yield return (type, obj);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken,
        HttpStatusCode? allowed = null, bool streaming = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, pathAndQuery.TrimStart('/'))) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var completion = streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        var response = await _client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || response.StatusCode == allowed)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw StatusError((int)response.StatusCode, body, $"{method} {pathAndQuery.Split('?')[0]}");
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("The API server did not answer with a JSON object.");
    }

    private static KubeRestException StatusError(int code, string? body, string what)
    {
        string? reason = null;
        string? message = null;
        try
        {
            if (!string.IsNullOrEmpty(body) && JsonNode.Parse(body) is JsonObject status)
            {
                code = (int?)status["code"] ?? code;
                reason = (string?)status["reason"];
                message = (string?)status["message"];
            }
        }
        catch (JsonException)
        {
            // not a Status object: keep the HTTP code
        }

        return new KubeRestException((HttpStatusCode)code, reason, $"{what}: {code} {reason ?? ((HttpStatusCode)code).ToString()} {message}".TrimEnd(), message);
    }
}
