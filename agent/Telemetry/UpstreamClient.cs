using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// Every call the agent makes to a Grafana or Prometheus server: only GETs under the stored server's URL (never a host
/// taken from the request), redirects not followed, one timeout per call and a cap on the answer's size.
/// </summary>
public sealed class UpstreamClient(IHttpClientFactory clients, IOptions<TelemetryOptions> options)
{
    public const string HttpClientName = "meshery-telemetry";

    /// <summary>GETs <paramref name="relative"/> (a path and query without a leading slash) under the server's URL; answers the body of a 2xx.</summary>
    public async Task<byte[]> GetAsync(TelemetryServer server, string relative, CancellationToken cancellationToken, bool authenticate = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        var target = Resolve(server, relative);
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authenticate && TelemetryAuth.HeaderFor(server.Secret) is { } authorization)
        {
            request.Headers.Authorization = authorization;
        }

        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new UpstreamException(
                    UpstreamFailure.Rejected,
                    $"{server} refused the credentials ({(int)response.StatusCode} {response.ReasonPhrase}) on {target.AbsolutePath}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(
                    UpstreamFailure.ErrorStatus,
                    $"{server} answered {(int)response.StatusCode} {response.ReasonPhrase} on {target.AbsolutePath}.");
            }

            return await ReadCappedAsync(response, server, limits.MaxResponseBytes, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException(
                UpstreamFailure.TimedOut, $"{server} did not answer within {limits.RequestTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new UpstreamException(UpstreamFailure.Unreachable, $"{server} cannot be reached: {ex.Message}", ex);
        }
    }

    /// <summary>GETs a JSON object.</summary>
    public async Task<JsonNode> GetJsonAsync(TelemetryServer server, string relative, CancellationToken cancellationToken, bool authenticate = true)
    {
        var body = await GetAsync(server, relative, cancellationToken, authenticate);
        try
        {
            return JsonNode.Parse(body) ?? throw new UpstreamException(UpstreamFailure.Malformed, $"{server} answered null on {relative}.");
        }
        catch (JsonException ex)
        {
            throw new UpstreamException(UpstreamFailure.Malformed, $"{server} did not answer JSON on /{Path(relative)}.", ex);
        }
    }

    /// <summary>The absolute URL of a path under the server; anything that would leave the server's URL is refused.</summary>
    public static Uri Resolve(TelemetryServer server, string relative)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(relative);
        if (relative.StartsWith('/') || relative.Contains("://", StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("The path must be relative to the server's URL.", nameof(relative));
        }

        var target = new Uri(server.Root, relative);
        if (target.Scheme != server.Root.Scheme
            || !string.Equals(target.Authority, server.Root.Authority, StringComparison.OrdinalIgnoreCase)
            || !target.AbsolutePath.StartsWith(server.Root.AbsolutePath, StringComparison.Ordinal))
        {
            throw new ArgumentException("The path leaves the server's URL.", nameof(relative));
        }

        return target;
    }

    private static string Path(string relative)
    {
        var query = relative.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? relative : relative[..query];
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, TelemetryServer server, long limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(server, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(server, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static UpstreamException TooLarge(TelemetryServer server, long limit) =>
        new(UpstreamFailure.TooLarge, $"The answer from {server} is larger than the {limit} byte limit (Meshery:Telemetry:MaxResponseBytes).");
}
