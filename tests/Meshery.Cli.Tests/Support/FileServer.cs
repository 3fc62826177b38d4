using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meshery.Cli.Tests.Support;

/// <summary>A loopback HTTP server that serves the files a test puts in it (for imports from a URL).</summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly Dictionary<string, Func<HttpResponse, Task>> _files = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    public static async Task<FileServer> StartAsync()
    {
        var server = new FileServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.Run(async context =>
        {
            if (server._files.TryGetValue(context.Request.Path.Value ?? "", out var write))
            {
                await write(context.Response);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        server.Url = new Uri(server._app.Urls.Single());
        return server;
    }

    /// <summary>Serves <paramref name="text"/> at <paramref name="path"/>.</summary>
    public Uri Add(string path, string text) => Add(path, response => response.WriteAsync(text));

    /// <summary>Serves what <paramref name="write"/> writes at <paramref name="path"/>.</summary>
    public Uri Add(string path, Func<HttpResponse, Task> write)
    {
        _files[path] = write;
        return new Uri(Url, path);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
