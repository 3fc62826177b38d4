using System.Threading.Channels;
using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Adapters.Protos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Events;

/// <summary>
/// Hands every event to every current <c>StreamEvents</c> subscriber, in publish order, without replay: a
/// subscriber sees what is published after it subscribed. A subscriber that falls <c>SubscriberBuffer</c> events
/// behind is dropped (its stream ends with an error) rather than slowing the operations down.
/// </summary>
public sealed class AdapterEventHub(IOptions<AdapterOptions> options, ILogger<AdapterEventHub> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<EventsResponse>> _subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>A new subscription; dispose it to leave.</summary>
    public AdapterEventSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<EventsResponse>(new BoundedChannelOptions(options.Value.SubscriberBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new AdapterEventSubscription(channel.Reader, () => Leave(channel));
    }

    /// <summary>Sends <paramref name="event"/> to every subscriber (publishers serialize through the hub's lock, so order holds).</summary>
    public void Publish(EventsResponse @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        lock (_gate)
        {
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var channel = _subscribers[i];
                if (!channel.Writer.TryWrite(@event))
                {
                    _subscribers.RemoveAt(i);
                    channel.Writer.TryComplete(new InvalidOperationException("The subscriber fell too far behind and was dropped."));
                    AdapterLog.SubscriberDropped(logger, options.Value.SubscriberBuffer);
                }
            }
        }
    }

    /// <summary>Ends every subscription normally (the adapter is stopping).</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private void Leave(Channel<EventsResponse> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}
