using System.Net;

namespace Meshery.Agent.Perf.Load;

/// <summary>Makes each request of a test (a request message cannot be sent twice): method, version, headers, cookies, body.</summary>
internal sealed class RequestTemplate
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range",
        "Content-Disposition", "Expires", "Last-Modified", "Allow",
    };

    private readonly LoadTest _test;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly KeyValuePair<string, string>[] _contentHeaders;
    private readonly string? _cookie;

    public RequestTemplate(LoadTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        _test = test;
        _headers = [.. test.Headers.Where(h => !ContentHeaders.Contains(h.Key))];
        var content = test.Headers.Where(h => ContentHeaders.Contains(h.Key) && !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.IsNullOrWhiteSpace(test.ContentType))
        {
            content.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
            content.Add(new("Content-Type", test.ContentType));
        }

        _contentHeaders = [.. content];
        _cookie = test.Cookies.Count == 0 ? null : string.Join("; ", test.Cookies.Select(c => $"{c.Key}={c.Value}"));
        Method = test.Body.IsEmpty ? HttpMethod.Get : HttpMethod.Post;
    }

    public HttpMethod Method { get; }

    public HttpRequestMessage Create()
    {
        var request = new HttpRequestMessage(Method, _test.Url)
        {
            Version = _test.HttpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", _cookie);
        }

        if (!_test.Body.IsEmpty || _contentHeaders.Length > 0)
        {
            var content = new ReadOnlyMemoryContent(_test.Body);
            foreach (var (name, value) in _contentHeaders)
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }

            request.Content = content;
        }

        return request;
    }

    /// <summary>A connection of its own for one worker: no pooling across workers, no redirects, cookies or proxy.</summary>
    public static SocketsHttpHandler CreateHandler(TimeSpan requestTimeout) => new()
    {
        MaxConnectionsPerServer = 1,
        EnableMultipleHttp2Connections = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = requestTimeout,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    };
}
