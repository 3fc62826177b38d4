using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// The provider's fixed sign-in paths as a Meshery server calls them: <c>GET /keys</c>,
/// <c>POST /introspect</c>, <c>POST /refresh</c>, <c>/logout</c> and <c>POST /revoke</c>. Unreachable
/// providers fail with <see cref="ProviderException"/> (<c>Unavailable</c>), never with a session verdict.
/// </summary>
public sealed class ProviderSessionClient(IHttpClientFactory clients, IOptions<RemoteModeOptions> options, TimeProvider time)
{
    public const string KeysPath = "keys";
    public const string IntrospectPath = "introspect";
    public const string RefreshPath = "refresh";
    public const string RevokePath = "revoke";
    public const string LogoutPath = "logout";

    private const int MaxAnswerBytes = 1024 * 1024;

    public async Task<ProviderKeySet> GetKeysAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, At(KeysPath));
        var (status, body) = await SendAsync(request, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"The provider's /keys answered {(int)status}.");
        }

        return Read(body, RemoteModeJsonContext.Default.ProviderKeySet)
            ?? throw new ProviderException(ProviderErrorKind.Unavailable, "The provider's /keys is not a key set.");
    }

    /// <summary><c>POST /introspect {"token": access token}</c>: 200 = valid, anything else not.</summary>
    public async Task<bool> IntrospectAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = Post(IntrospectPath, new TokenBody { Token = accessToken });
        var (status, _) = await SendAsync(request, cancellationToken);
        return status == HttpStatusCode.OK;
    }

    /// <summary><c>POST /refresh {"token": cookie}</c>: the new cookie value, or null when the provider refuses.</summary>
    public async Task<string?> RefreshAsync(string cookie, CancellationToken cancellationToken)
    {
        using var request = Post(RefreshPath, new TokenBody { Token = cookie });
        var (status, body) = await SendAsync(request, cancellationToken);
        return status == HttpStatusCode.OK && Read(body, RemoteModeJsonContext.Default.TokenBody)?.Token is { Length: > 0 } token ? token : null;
    }

    /// <summary>
    /// Forwards a sign-out to <c>{provider}/logout</c> with the same method and body, the session cookie,
    /// <c>return_to=provider_ui</c> and the bearer; answers the provider's status.
    /// </summary>
    public async Task<HttpStatusCode> LogoutAsync(HttpMethod method, byte[] body, string? contentType, string bearer, string? sessionCookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, At(LogoutPath));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            if (MediaTypeHeaderValue.TryParse(contentType, out var type))
            {
                request.Content.Headers.ContentType = type;
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        var cookies = "return_to=provider_ui";
        if (!string.IsNullOrEmpty(sessionCookie))
        {
            cookies = $"session_cookie={Uri.EscapeDataString(sessionCookie)}; {cookies}";
        }

        request.Headers.TryAddWithoutValidation("Cookie", cookies);
        var (status, _) = await SendAsync(request, cancellationToken);
        return status;
    }

    /// <summary><c>POST /revoke {"token": refresh token}</c>; true on 200.</summary>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = Post(RevokePath, new TokenBody { Token = refreshToken });
        var (status, _) = await SendAsync(request, cancellationToken);
        return status == HttpStatusCode.OK;
    }

    private Uri At(string path) => new(options.Value.ProviderAddress(), path);

    private HttpRequestMessage Post(string path, TokenBody body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, At(path))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RemoteModeJsonContext.Default.TokenBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return request;
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.ParseAdd("application/json");
        using var timeout = new CancellationTokenSource(options.Value.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = $"{request.Method} /{request.RequestUri!.AbsolutePath.TrimStart('/')}";
        try
        {
            using var answer = await clients.CreateClient(RemoteProviderOptions.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (answer.Content.Headers.ContentLength > MaxAnswerBytes)
            {
                throw new ProviderException(ProviderErrorKind.Unavailable, $"The provider's answer to {call} is too large.");
            }

            var body = await answer.Content.ReadAsByteArrayAsync(linked.Token);
            return (answer.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"The provider did not answer {call} within {options.Value.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable, $"The provider could not be reached for {call}: {ex.Message}", ex);
        }
    }

    private static T? Read<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
