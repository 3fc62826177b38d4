using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshery.Agent.Performance;

/// <summary>Writes a run's server-sent events: <c>data: {json}</c> and a blank line each, flushed at once.</summary>
internal sealed class PerformanceEventStream(HttpResponse response, JsonSerializerOptions json)
{
    private static readonly byte[] Prefix = "data: "u8.ToArray();
    private static readonly byte[] End = "\n\n"u8.ToArray();

    public bool Started => response.HasStarted;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
    }

    public async Task WriteAsync(PerformanceRunEvent data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, json.GetTypeInfo(typeof(PerformanceRunEvent)));
        await response.Body.WriteAsync(Prefix, cancellationToken);
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.WriteAsync(End, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public static string Describe(PerformanceRunProgress progress) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{progress.ElapsedSeconds:0}s: {progress.Requests} requests ({progress.Errors} errors), {progress.CurrentQps:0.0} qps");
}
