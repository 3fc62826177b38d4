using System.Globalization;
using Meshery.Testing.Kubernetes.Http;
using Meshery.Testing.Kubernetes.Lists;
using Meshery.Testing.Kubernetes.Storage;
using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Kubernetes.Watches;

/// <summary>
/// <c>?watch=true</c>: streams current objects (no resourceVersion) or the history after a resourceVersion,
/// then live events, bookmarks when asked, until timeoutSeconds, a client hang-up, or a fault.
/// </summary>
internal static class WatchHandlers
{
    private const int FlushEvery = 512;

    public static async Task WatchAsync(HttpContext context, FakeKubeState state, ResourceRequest request, ListQuery query)
    {
        var type = request.Type;
        if (state.Faults.Check(type, "watch", request.Namespace) is { } fault)
        {
            await KubeResponses.WriteStatusAsync(context, fault).ConfigureAwait(false);
            return;
        }

        long? from = null;
        if (query.ResourceVersion is { } text and not "0" && !query.SendInitialEvents)
        {
            if (!long.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
            {
                await KubeResponses.WriteStatusAsync(context, KubeStatus.BadRequest($"resourceVersion: Invalid value: \"{text}\": must be a number")).ConfigureAwait(false);
                return;
            }

            from = parsed;
        }

        using var timeout = query.TimeoutSeconds is > 0 and int seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), state.Time)
            : new CancellationTokenSource();
        using var watcher = new WatchSubscription(type, request.Namespace, query.Labels, query.Fields, state.Options.WatchBufferSize);
        var start = state.Store.Subscribe(watcher, from);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping, watcher.Aborted, timeout.Token);
        var bookmarks = query.AllowBookmarks && !start.IsTooOld ? SendBookmarksAsync(state, watcher, ended.Token) : Task.CompletedTask;
        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(ended.Token).ConfigureAwait(false);
            var body = context.Response.BodyWriter;
            if (start.IsTooOld)
            {
                WatchLines.WriteError(body, KubeStatus.Expired($"too old resource version: {from} ({start.TooOldBefore})"));
                await body.FlushAsync(ended.Token).ConfigureAwait(false);
                return;
            }

            var pending = 0;
            foreach (var obj in start.Initial.Where(watcher.Matches))
            {
                WatchLines.Write(body, WatchEventKind.Added, obj, type);
                if (++pending % FlushEvery == 0)
                {
                    await body.FlushAsync(ended.Token).ConfigureAwait(false);
                }
            }

            if (query.SendInitialEvents && query.AllowBookmarks)
            {
                WatchLines.WriteBookmark(body, type, start.ResourceVersion, initialEventsEnd: true);
            }

            foreach (var change in start.Replay)
            {
                WriteEvent(body, watcher, change);
            }

            await body.FlushAsync(ended.Token).ConfigureAwait(false);
            while (await watcher.Reader.WaitToReadAsync(ended.Token).ConfigureAwait(false))
            {
                while (watcher.Reader.TryRead(out var item))
                {
                    switch (item.Kind)
                    {
                        case WatchItemKind.Event:
                            WriteEvent(body, watcher, item.Event!);
                            break;
                        case WatchItemKind.Bookmark:
                            WatchLines.WriteBookmark(body, type, item.ResourceVersion);
                            break;
                        default:
                            WatchLines.WriteRaw(body, item.Raw!);
                            break;
                    }
                }

                await body.FlushAsync(ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (watcher.Aborted.IsCancellationRequested || state.Stopping.IsCancellationRequested)
        {
            context.Abort();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        {
            // timeoutSeconds elapsed or the client went away: end the stream normally.
        }
        finally
        {
            state.Store.Unsubscribe(watcher);
            await ended.CancelAsync().ConfigureAwait(false);
            await bookmarks.ConfigureAwait(false);
        }
    }

    private static void WriteEvent(System.IO.Pipelines.PipeWriter body, WatchSubscription watcher, WatchEvent change)
    {
        if (watcher.Project(change) is { } kind)
        {
            WatchLines.Write(body, kind, change.Object, watcher.Type);
        }
    }

    private static async Task SendBookmarksAsync(FakeKubeState state, WatchSubscription watcher, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(state.Options.BookmarkInterval, state.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                state.Store.EnqueueBookmark(watcher);
            }
        }
        catch (OperationCanceledException)
        {
            // the watch ended
        }
    }
}
