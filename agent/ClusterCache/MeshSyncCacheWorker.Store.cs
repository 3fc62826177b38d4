using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;
using NATS.Client.Core;

namespace Meshery.Agent.ClusterCache;

public sealed partial class MeshSyncCacheWorker
{
    private readonly Dictionary<string, long> _answeredGeneration = new(StringComparer.Ordinal);
    private long _lastRequestTimestamp;

    private sealed class StoreAnswer(long generation, long lastSeen)
    {
        public long Generation { get; } = generation;

        public long LastSeen { get; set; } = lastSeen;

        public long Count { get; set; }
    }

    private long AnswerGeneration(string clusterId)
    {
        lock (_gate)
        {
            if (!_answers.TryGetValue(clusterId, out var answer))
            {
                // An answer belongs to the newest request sent before its first object arrived.
                answer = new StoreAnswer(Interlocked.Read(ref _generation), time.GetTimestamp());
                _answers[clusterId] = answer;
            }

            return answer.Generation;
        }
    }

    private void NoteAnswer(string clusterId)
    {
        lock (_gate)
        {
            if (_answers.TryGetValue(clusterId, out var answer))
            {
                answer.LastSeen = time.GetTimestamp();
                answer.Count++;
            }
        }
    }

    /// <summary>A live event from a cluster that has not answered since the last request: its MeshSync came back later than we did.</summary>
    private void NoteLiveCluster(string clusterId)
    {
        bool wanted;
        lock (_gate)
        {
            var current = Interlocked.Read(ref _generation);
            wanted = !_answers.ContainsKey(clusterId)
                && (!_answeredGeneration.TryGetValue(clusterId, out var answered) || answered < current)
                && time.GetElapsedTime(Interlocked.Read(ref _lastRequestTimestamp)) > options.Value.StoreQuietPeriod;
            if (wanted)
            {
                // Mark it so one burst of events asks once.
                _answeredGeneration[clusterId] = current;
            }
        }

        if (wanted)
        {
            RequestStore();
        }
    }

    private async Task RequestStoreLoopAsync(CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToElement(
            new InformerStoreRequest { Reply = StoreReplySubject }, MeshSyncJsonContext.Default.InformerStoreRequest);
        while (!cancellationToken.IsCancellationRequested)
        {
            await _storeWanted.WaitAsync(cancellationToken);
            var generation = Interlocked.Increment(ref _generation);
            Interlocked.Exchange(ref _lastRequestTimestamp, time.GetTimestamp());
            try
            {
                await PublishRequestAsync(new MeshSyncRequest { Entity = MeshSyncRequestEntities.InformerStore, Payload = payload }, cancellationToken);
                ClusterCacheLog.StoreRequested(logger, generation, StoreReplySubject);
            }
            catch (NatsException ex)
            {
                ClusterCacheLog.StoreRequestFailed(logger, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                RequestStore();
            }
        }
    }

    private async Task CompleteAnswersLoopAsync(CancellationToken cancellationToken)
    {
        var quiet = options.Value.StoreQuietPeriod;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(quiet.TotalMilliseconds / 4, 20, 250)), time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (_storeBusy || _storeSub is { Msgs.Count: > 0 })
            {
                continue;
            }

            List<(string ClusterId, StoreAnswer Answer)> complete;
            lock (_gate)
            {
                complete = [.. _answers.Where(a => time.GetElapsedTime(a.Value.LastSeen) >= quiet).Select(a => (a.Key, a.Value))];
                foreach (var (clusterId, answer) in complete)
                {
                    _answers.Remove(clusterId);
                    _answeredGeneration[clusterId] = answer.Generation;
                }
            }

            foreach (var (clusterId, answer) in complete)
            {
                var sweep = CacheChange.Sweep(clusterId, answer.Generation);
                await writer.EnqueueAsync(sweep, cancellationToken);
                CompletedStoreAnswers++;
                ClusterCacheLog.StoreComplete(logger, clusterId, answer.Count);
            }
        }
    }

    private async Task PublishRequestAsync(MeshSyncRequest request, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(MeshSyncMessage.ForRequest(request), MeshSyncJsonContext.Default.MeshSyncMessageNullableJsonElement);
        await connection.PublishAsync(MeshSyncSubjects.Request, bytes, cancellationToken: cancellationToken);
    }
}
