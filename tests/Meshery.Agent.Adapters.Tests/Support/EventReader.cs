using Grpc.Core;
using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.Adapters.Tests.Support;

/// <summary>A <c>StreamEvents</c> subscription of a test: open once the adapter has sent the response headers.</summary>
public sealed class EventReader : IDisposable
{
    private readonly AsyncServerStreamingCall<EventsResponse> _call;

    private EventReader(AsyncServerStreamingCall<EventsResponse> call) => _call = call;

    public static async Task<EventReader> OpenAsync(MeshService.MeshServiceClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var call = client.StreamEvents(new EventsRequest(), cancellationToken: cancellationToken);
        await call.ResponseHeadersAsync;
        return new EventReader(call);
    }

    /// <summary>The events of <paramref name="operationId"/> up to and including its last (an ERROR, or an INFO summary <paramref name="done"/> names).</summary>
    public async Task<List<EventsResponse>> ReadOperationAsync(string operationId, Func<EventsResponse, bool> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var events = new List<EventsResponse>();
        while (await _call.ResponseStream.MoveNext(deadline.Token))
        {
            var current = _call.ResponseStream.Current;
            if (current.OperationId != operationId)
            {
                continue;
            }

            events.Add(current);
            if (current.EventType == EventType.Error || done(current))
            {
                return events;
            }
        }

        throw new InvalidOperationException($"The stream ended after {events.Count} event(s) of {operationId}.");
    }

    public void Dispose() => _call.Dispose();
}
