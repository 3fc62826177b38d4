using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.ClusterCache;

/// <summary>
/// Fans committed changes out to change-stream clients. Each client has a bounded buffer; a client that
/// falls further behind is closed with <see cref="ResourceChangeSubscription.Overflowed"/> set, so it
/// knows to re-read the list rather than miss changes silently.
/// </summary>
public sealed class ResourceChangeFeed(IOptions<ClusterCacheOptions> options)
{
    private readonly Lock _gate = new();
    private ResourceChangeSubscription[] _subscribers = [];

    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Subscribes, or returns null when <see cref="ClusterCacheOptions.MaxStreamClients"/> are connected already.</summary>
    public ResourceChangeSubscription? Subscribe()
    {
        lock (_gate)
        {
            if (_subscribers.Length >= options.Value.MaxStreamClients)
            {
                return null;
            }

            var subscription = new ResourceChangeSubscription(this, options.Value.StreamBufferSize);
            _subscribers = [.. _subscribers, subscription];
            return subscription;
        }
    }

    public void Publish(IReadOnlyList<ResourceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            foreach (var change in changes)
            {
                if (!subscriber.Writer.TryWrite(change))
                {
                    subscriber.Overflow();
                    break;
                }
            }
        }
    }

    internal void Remove(ResourceChangeSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }
}
