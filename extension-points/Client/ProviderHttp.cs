using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Json;
using Microsoft.Extensions.Logging;

namespace Meshery.ExtensionPoints.Client;

/// <summary>
/// The one way the client talks to the provider: builds the address from the advertised endpoint,
/// adds the caller's bearer token and system id, enforces the timeout and the answer size limit, and
/// turns failures into <see cref="ProviderException"/>s.
/// </summary>
internal sealed partial class ProviderHttp
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _base;

    public ProviderHttp(Func<HttpClient> httpClient, RemoteProviderOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _httpClient = httpClient;
        Options = options;
        _time = time;
        _logger = logger;
        _base = options.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public RemoteProviderOptions Options { get; }

    /// <summary>An address on the provider: <paramref name="path"/> starts with <c>/</c> and may carry a query.</summary>
    public Uri At(string path) => new(_base + path, UriKind.Absolute);

    /// <summary>Sends a call; a failure answer (not 2xx) throws unless its status is in <paramref name="accept"/>.</summary>
    public async Task<ProviderResponse> SendAsync(
        ProviderCaller? caller, HttpMethod method, Uri uri, HttpContent? content, string? ifMatch, CancellationToken cancellationToken, params int[] accept)
    {
        var (response, transportError) = await TrySendAsync(caller, method, uri, content, ifMatch, cancellationToken);
        if (response is null)
        {
            throw transportError!;
        }

        if (!response.IsSuccess && !accept.Contains(response.StatusCode))
        {
            throw ProviderErrors.FromAnswer(response);
        }

        return response;
    }

    public static HttpContent Json<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    public static T Read<T>(ProviderResponse response)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return JsonSerializer.Deserialize(response.Body, TypeInfo<T>())
                ?? throw ProviderErrors.Unexpected(response, $"'null' where a {typeof(T).Name} was expected");
        }
        catch (JsonException ex)
        {
            throw ProviderErrors.Unexpected(response, $"a body that is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    /// <summary>Reads an answer that is an object or a one-element array of <typeparamref name="T"/>, optionally wrapped in a page property.</summary>
    public static T ReadOne<T>(ProviderResponse response, string? pageProperty = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var element = document.RootElement;
            if (pageProperty is not null && element.ValueKind == JsonValueKind.Object
                && TryGetProperty(element, pageProperty, out var page) && page.ValueKind == JsonValueKind.Array)
            {
                element = page;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                if (element.GetArrayLength() == 0)
                {
                    throw ProviderErrors.Unexpected(response, $"an empty list where the saved {typeof(T).Name} was expected");
                }

                element = element[0];
            }

            return element.Deserialize(TypeInfo<T>())
                ?? throw ProviderErrors.Unexpected(response, $"'null' where a {typeof(T).Name} was expected");
        }
        catch (JsonException ex)
        {
            throw ProviderErrors.Unexpected(response, $"a body that is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    /// <summary>Reads a whole-number member such as <c>count</c> of a JSON object answer (0 when absent).</summary>
    public static int ReadCount(ProviderResponse response, string property)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && TryGetProperty(document.RootElement, property, out var value) && value.TryGetInt32(out var count)
                ? count
                : 0;
        }
        catch (JsonException ex)
        {
            throw ProviderErrors.Unexpected(response, $"a body that is not JSON: {ex.Message}");
        }
    }

    /// <summary>Reads the <c>id</c> member of a JSON object answer.</summary>
    public static Guid ReadId(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && TryGetProperty(document.RootElement, "id", out var value) && value.ValueKind == JsonValueKind.String
                && Guid.TryParse(value.GetString(), out var id))
            {
                return id;
            }

            throw ProviderErrors.Unexpected(response, "no 'id' in its answer");
        }
        catch (JsonException ex)
        {
            throw ProviderErrors.Unexpected(response, $"a body that is not JSON: {ex.Message}");
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)MesheryJson.Options.GetTypeInfo(typeof(T));

    private async Task<(ProviderResponse? Response, ProviderException? TransportError)> TrySendAsync(
        ProviderCaller? caller, HttpMethod method, Uri uri, HttpContent? content, string? ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(caller?.Token))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + caller.Token);
        }

        if (caller?.SystemId is { } systemId)
        {
            request.Headers.TryAddWithoutValidation("SystemID", systemId.ToString("D"));
        }

        if (!string.IsNullOrEmpty(ifMatch))
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var timeout = new CancellationTokenSource(Options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = $"{method.Method} {uri.AbsolutePath}";
        try
        {
            using var answer = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBodyAsync(answer.Content, call, linked.Token);
            var etag = answer.Headers.ETag?.ToString()
                ?? (answer.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null);
            RemoteProviderLog.Answered(_logger, call, (int)answer.StatusCode);
            return (new ProviderResponse(method, uri, answer.StatusCode, etag, answer.Content.Headers.ContentType?.MediaType, body), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ProviderException(
                ProviderErrorKind.Unavailable, $"The provider at {_base} did not answer {call} within {Options.Timeout.TotalSeconds:0.###} s."));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, new ProviderException(
                ProviderErrorKind.Unavailable, $"The provider at {_base} could not be reached for {call}: {ex.Message}", ex));
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpContent content, string call, CancellationToken cancellationToken)
    {
        var limit = Options.MaxResponseBytes;
        if (content.Headers.ContentLength is { } length && length > limit)
        {
            throw TooLarge(call);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(call);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private ProviderException TooLarge(string call) =>
        new(ProviderErrorKind.Unavailable, $"The provider's answer to {call} is larger than the limit of {Options.MaxResponseBytes} bytes.");
}
