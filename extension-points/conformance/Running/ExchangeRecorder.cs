namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>Remembers every exchange, so checks can see the statuses behind the client's answers.</summary>
internal sealed class ExchangeRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Lock _gate = new();
    private RecordedExchange? _last;

    public RecordedExchange? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _last = null;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri is { } uri ? Uri.UnescapeDataString(uri.PathAndQuery) : "";
        var exchange = new RecordedExchange(
            request.Method.Method, path, (int)response.StatusCode, response.Headers.ETag?.ToString(), response.Content.Headers.ContentType?.MediaType);
        lock (_gate)
        {
            _last = exchange;
        }

        return response;
    }
}
