using System.Globalization;
using System.Text;
using Meshery.Testing.Kubernetes.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Logs;

/// <summary><c>GET pods/{name}/log</c>: the text a test set, with <c>tailLines</c>, and <c>follow=true</c> streaming.</summary>
internal static class LogHandlers
{
    public static async Task GetLogAsync(HttpContext context, FakeKubeState state, ResourceRequest request)
    {
        var pod = request.Name!;
        if (state.Store.Get(request.Type, request.Namespace, pod) is null)
        {
            await KubeResponses.WriteStatusAsync(context, KubeStatus.NotFound(request.Type, pod)).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var follow = query["follow"].FirstOrDefault() is "true" or "1";
        var tail = int.TryParse(query["tailLines"].FirstOrDefault(), CultureInfo.InvariantCulture, out var lines) ? lines : (int?)null;
        var log = state.Logs.Find(request.Namespace!, pod, query["container"].FirstOrDefault());
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        try
        {
            var (text, offset, done, changed) = log.Read(0);
            await WriteAsync(context, Tail(text, tail), ended.Token).ConfigureAwait(false);
            while (follow && !done)
            {
                await changed.WaitAsync(ended.Token).ConfigureAwait(false);
                (text, var length, done, changed) = log.Read(offset);
                offset = length;
                await WriteAsync(context, text, ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (state.Stopping.IsCancellationRequested)
        {
            context.Abort();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client stopped following
        }
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        if (!context.Response.HasStarted)
        {
            await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (text.Length > 0)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Tail(string text, int? lines)
    {
        if (lines is not >= 0)
        {
            return text;
        }

        var all = text.Split('\n');
        var trailingNewline = text.EndsWith('\n');
        var content = trailingNewline ? all[..^1] : all;
        var kept = content.Skip(Math.Max(0, content.Length - lines.Value));
        var result = string.Join('\n', kept);
        return trailingNewline && result.Length > 0 ? result + "\n" : result;
    }
}
