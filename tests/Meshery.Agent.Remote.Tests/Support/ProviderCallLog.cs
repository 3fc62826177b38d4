using System.Collections.Concurrent;

namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>Every call the agent made to the provider (method and path), as its HTTP client sent them.</summary>
public sealed class ProviderCallLog
{
    private readonly ConcurrentQueue<string> _calls = new();

    public void Add(HttpMethod method, Uri uri) => _calls.Enqueue($"{method.Method} {uri.AbsolutePath}");

    public int Count(string call) => _calls.Count(c => string.Equals(c, call, StringComparison.Ordinal));

    /// <summary>A handler for the agent's provider client that notes each call and passes it on unchanged.</summary>
    public DelegatingHandler CreateHandler() => new Recorder(this);

    private sealed class Recorder(ProviderCallLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Add(request.Method, request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
