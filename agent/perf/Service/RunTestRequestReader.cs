using System.Net;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Protos;

namespace Meshery.Agent.Perf.Service;

/// <summary>Reads a <see cref="RunTestRequest"/> into a <see cref="LoadTest"/>, or says why it cannot be one.</summary>
public static class RunTestRequestReader
{
    public static LoadTest Read(RunTestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new LoadTestRejectedException($"url must be an absolute http:// or https:// URL, not '{request.Url}'");
        }

        var generator = LoadGenerators.Normalize(request.LoadGenerator)
            ?? throw new LoadTestRejectedException($"load generator '{request.LoadGenerator}' is not offered; use {string.Join(" or ", LoadGenerators.All)}");
        var version = request.HttpVersion switch
        {
            "" or "1.1" or "HTTP/1.1" => HttpVersion.Version11,
            "2" or "2.0" or "HTTP/2" => HttpVersion.Version20,
            _ => throw new LoadTestRejectedException($"http_version must be 1.1 or 2, not '{request.HttpVersion}'"),
        };
        return new LoadTest
        {
            Url = url,
            LoadGenerator = generator,
            Connections = request.Connections == 0 ? 1 : request.Connections,
            Qps = request.Qps,
            Duration = TimeSpan.FromMilliseconds(request.DurationMs),
            HttpVersion = version,
            Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase),
            Cookies = new Dictionary<string, string>(request.Cookies, StringComparer.Ordinal),
            Body = request.Body.Memory,
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? null : request.ContentType,
            Labels = new Dictionary<string, string>(request.Labels, StringComparer.Ordinal),
            TestId = string.IsNullOrWhiteSpace(request.TestId) ? Guid.NewGuid().ToString("D") : request.TestId,
        };
    }
}
