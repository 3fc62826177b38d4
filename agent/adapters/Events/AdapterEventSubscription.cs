using System.Threading.Channels;
using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.Adapters.Events;

/// <summary>One subscriber's events; disposing it leaves the hub.</summary>
public sealed class AdapterEventSubscription(ChannelReader<EventsResponse> reader, Action leave) : IDisposable
{
    private int _disposed;

    public ChannelReader<EventsResponse> Reader { get; } = reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            leave();
        }
    }
}
