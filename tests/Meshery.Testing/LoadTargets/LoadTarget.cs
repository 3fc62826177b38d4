using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshery.Testing.LoadTargets;

/// <summary>
/// A real HTTP server (Kestrel on loopback) for load generators to load, counting what it receives per key so a test
/// can compare a generator's numbers with the target's own. One listener speaks HTTP/1.1, another HTTP/2 (prior
/// knowledge). Routes, each counted under its <c>{key}</c>:
/// <c>/ok/{key}?size=N</c> (200 with N bytes, default 5), <c>/status/{code}/{key}</c>, <c>/alternate/{key}</c> (200 then
/// 500, in turn), <c>/stall/{key}?at=N&amp;ms=M</c> (the N-th request waits M ms), <c>/slow/{key}?ms=M</c> (each waits),
/// <c>/echo/{key}</c> (keeps the request: method, protocol, headers, body).
/// </summary>
public sealed class LoadTarget : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReceivedRequest> _last = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri Http1 { get; private set; } = new("http://127.0.0.1:1/");

    public Uri Http2 { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>Requests received under <paramref name="key"/> so far.</summary>
    public long Count(string key) => _counts.GetValueOrDefault(key);

    /// <summary>The last request <c>/echo/{key}</c> received.</summary>
    public ReceivedRequest? Last(string key) => _last.GetValueOrDefault(key);

    /// <summary>A URL of the HTTP/1.1 listener.</summary>
    public Uri Url(string pathAndQuery) => new(Http1, pathAndQuery);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.MapMethods("/ok/{key}", ["GET", "POST"], OkAsync);
        app.MapGet("/status/{code:int}/{key}", (int code, string key) => { Counted(key); return Results.StatusCode(code); });
        app.MapGet("/alternate/{key}", (string key) => Counted(key) % 2 == 1 ? Results.Ok() : Results.StatusCode(500));
        app.MapGet("/stall/{key}", StallAsync);
        app.MapGet("/slow/{key}", SlowAsync);
        app.MapMethods("/echo/{key}", ["GET", "POST"], EchoAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        _app = app;
        var addresses = app.Urls.ToList();
        Http1 = new Uri(addresses[0]);
        Http2 = new Uri(addresses[1]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private long Counted(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private async Task OkAsync(string key, int? size, HttpContext context)
    {
        Counted(key);
        context.Response.ContentType = "text/plain";
        var body = size is { } n ? new string('x', n) : "hello";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private async Task<IResult> StallAsync(string key, int at, int ms, HttpContext context)
    {
        if (Counted(key) == at)
        {
            await Task.Delay(ms, context.RequestAborted);
        }

        return Results.Text("ok");
    }

    private async Task<IResult> SlowAsync(string key, int ms, HttpContext context)
    {
        Counted(key);
        await Task.Delay(ms, context.RequestAborted);
        return Results.Text("slow");
    }

    private async Task<IResult> EchoAsync(string key, HttpContext context)
    {
        Counted(key);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _last[key] = new ReceivedRequest(context.Request.Method, context.Request.Protocol, headers, body);
        return Results.Text("echo");
    }
}
