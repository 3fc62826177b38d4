using System.Threading.Channels;

namespace Meshery.Agent.ClusterCache;

/// <summary>One change-stream client's buffer; dispose to unsubscribe.</summary>
public sealed class ResourceChangeSubscription : IDisposable
{
    private readonly ResourceChangeFeed _feed;
    private readonly Channel<ResourceChange> _channel;
    private volatile bool _overflowed;

    internal ResourceChangeSubscription(ResourceChangeFeed feed, int capacity)
    {
        _feed = feed;
        _channel = Channel.CreateBounded<ResourceChange>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>True when the client fell too far behind and its stream was closed.</summary>
    public bool Overflowed => _overflowed;

    public ChannelReader<ResourceChange> Reader => _channel.Reader;

    internal ChannelWriter<ResourceChange> Writer => _channel.Writer;

    internal void Overflow()
    {
        _overflowed = true;
        _channel.Writer.TryComplete();
        _feed.Remove(this);
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _feed.Remove(this);
    }
}
