using System.Threading.Channels;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Lists;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Watches;

/// <summary>
/// One open watch. Writers only <see cref="Publish"/> into its bounded channel and never wait; a watcher
/// that falls a whole buffer behind is closed, and the client resumes from its last resourceVersion.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchItem> _channel;
    private readonly CancellationTokenSource _abort = new();

    public WatchSubscription(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, int capacity)
    {
        Type = type;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        _channel = Channel.CreateBounded<WatchItem>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ResourceType Type { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public ChannelReader<WatchItem> Reader => _channel.Reader;

    /// <summary>Cancelled when a test drops the connection (the handler then aborts it).</summary>
    public CancellationToken Aborted => _abort.Token;

    public void Publish(WatchItem item)
    {
        if (!_channel.Writer.TryWrite(item))
        {
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Ends the stream cleanly after what is queued.</summary>
    public void Close() => _channel.Writer.TryComplete();

    /// <summary>Resets the connection.</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the watch already ended
        }
    }

    public bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace) && Labels.Matches(obj.Labels) && Fields.Matches(obj);

    /// <summary>
    /// The event type this watcher sees, if any: an edit that makes an object match is ADDED for it,
    /// one that makes it stop matching is DELETED, as with the real server's filtered watches.
    /// </summary>
    public WatchEventKind? Project(WatchEvent change)
    {
        var now = Matches(change.Object);
        if (change.Kind != WatchEventKind.Modified)
        {
            return now ? change.Kind : null;
        }

        var before = change.Previous is not null && Matches(change.Previous);
        return (before, now) switch
        {
            (true, true) => WatchEventKind.Modified,
            (false, true) => WatchEventKind.Added,
            (true, false) => WatchEventKind.Deleted,
            _ => null,
        };
    }

    public void Dispose() => _abort.Dispose();
}
