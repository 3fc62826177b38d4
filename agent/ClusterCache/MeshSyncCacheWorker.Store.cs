using System.Text.Json;
using Meshery.Agent.MeshSync.Messages;
using NATS.Client.Core;

namespace Meshery.Agent.ClusterCache;

public sealed partial class MeshSyncCacheWorker
{
    private readonly HashSet<string> _seenClusters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenBeforeReconnect = new(StringComparer.Ordinal);
    private readonly HashSet<string> _liveUnanswered = new(StringComparer.Ordinal);
    private int _opened;
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

    /// <summary>
    /// A live event from a cluster the cache knew before the broker connection was lost, which has not answered
    /// since: its MeshSync came back after our store request went out, so ask again (once). A cluster new to the
    /// cache is not asked: its MeshSync publishes everything it lists anyway.
    /// </summary>
    private void NoteLiveCluster(string clusterId)
    {
        bool wanted;
        lock (_gate)
        {
            _seenClusters.Add(clusterId);
            if (!_answers.ContainsKey(clusterId) && _seenBeforeReconnect.Contains(clusterId))
            {
                _liveUnanswered.Add(clusterId);
            }

            wanted = TakeMissedAnswers();
        }

        if (wanted)
        {
            RequestStore();
        }
    }

    /// <summary>The answer loop's tick: see <see cref="TakeMissedAnswers"/>.</summary>
    private void AskAgainForMissedAnswers()
    {
        bool wanted;
        lock (_gate)
        {
            wanted = TakeMissedAnswers();
        }

        if (wanted)
        {
            RequestStore();
        }
    }

    /// <summary>
    /// Whether to send the store request <see cref="NoteLiveCluster"/> wants, once the last request is older than the
    /// quiet period; spends the marks when it says yes. Checked on every live event and on every tick of the answer
    /// loop: the events that marked a cluster may all have come too soon after our last request (which MeshSync may
    /// not have heard), and none may follow. Called under <c>_gate</c>.
    /// </summary>
    private bool TakeMissedAnswers()
    {
        if (_liveUnanswered.Count == 0
            || time.GetElapsedTime(Interlocked.Read(ref _lastRequestTimestamp)) <= options.Value.StoreQuietPeriod)
        {
            return false;
        }

        var wanted = false;
        foreach (var clusterId in _liveUnanswered)
        {
            // One whose answer has started since is being caught up already.
            wanted |= !_answers.ContainsKey(clusterId) && _seenBeforeReconnect.Remove(clusterId);
        }

        _liveUnanswered.Clear();
        return wanted;
    }

    /// <summary>On a reconnect (not the first connect) remembers which clusters the cache knew, for <see cref="NoteLiveCluster"/>.</summary>
    private void NoteOpened()
    {
        lock (_gate)
        {
            if (++_opened > 1)
            {
                _seenBeforeReconnect.UnionWith(_seenClusters);
            }
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
            AskAgainForMissedAnswers();
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
                    _seenClusters.Add(clusterId);
                    _seenBeforeReconnect.Remove(clusterId);
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
