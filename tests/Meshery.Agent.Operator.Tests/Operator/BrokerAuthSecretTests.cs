using Meshery.Testing.Waiting;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Meshery.Agent.Operator.Reconcile;
using Meshery.Agent.Operator.Tests.Support;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Logging.Abstractions;
using static Meshery.Agent.Operator.Tests.Support.OperatorCluster;

namespace Meshery.Agent.Operator.Tests.Operator;

/// <summary>
/// Reconciles of one Broker running at once (two replicas around a lease handover, a requeue beside a watch event)
/// while MeshSync and the agent read the auth Secret: one token wins and readers never see it change.
/// </summary>
public sealed class BrokerAuthSecretTests
{
    private const int Racers = 8;
    private const int Rounds = 12;
    private const string SecretsPath = "api/v1/namespaces/meshery/secrets";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Racing_reconciles_agree_on_one_token_and_readers_never_see_it_change()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        var clients = Enumerable.Range(0, Racers).Select(_ => cluster.Server.CreateClient()).ToList();
        try
        {
            var reconcilers = clients
                .Select((c, i) => new BrokerReconciler(new KubeRest(c), FastOptions($"racer-{i}"), TimeProvider.System, NullLogger.Instance))
                .ToList();
            await reconcilers[0].ReconcileAsync("meshery-broker", _ct);
            await using var reader = SecretReader.Start(cluster, cluster.Server.ResourceVersion, _ct);

            for (var round = 0; round < Rounds; round++)
            {
                // Even rounds: the Secret is gone (first install, or deleted by hand). Odd rounds: it is there without a token.
                var from = reader.Count;
                if (round % 2 == 0)
                {
                    Assert.True(cluster.Server.Remove("secrets", MesheryKinds.Namespace, BrokerObjects.SecretName));
                }
                else
                {
                    var emptied = (await cluster.GetAsync("v1", "Secret", BrokerObjects.SecretName, _ct))!;
                    emptied.Remove("data");
                    cluster.Server.Put(emptied);
                }

                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var runs = reconcilers.Select(r => Task.Run(async () =>
                {
                    await gate.Task;
                    await r.ReconcileAsync("meshery-broker", _ct);
                })).ToList();
                gate.SetResult();
                await Task.WhenAll(runs);

                var stored = (await cluster.GetAsync("v1", "Secret", BrokerObjects.SecretName, _ct))!;
                var storedVersion = (string)stored["metadata"]!["resourceVersion"]!;
                await Eventually.HoldsAsync(() => Task.FromResult(reader.Versions), v => v.Contains(storedVersion), "the reader saw the stored Secret", _ct);
                var tokens = reader.Since(from).Where(e => e.Type != "DELETED" && e.Token is not null).Select(e => e.Token).Distinct().ToList();

                Assert.True(tokens.Count == 1, $"round {round}: readers saw {tokens.Count} tokens");
                Assert.Equal(tokens[0], (string?)stored["data"]!["token"]);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_settled_secret_is_not_written_again()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        var reconciler = new BrokerReconciler(cluster.Rest, FastOptions("one"), TimeProvider.System, NullLogger.Instance);
        await reconciler.ReconcileAsync("meshery-broker", _ct);
        var before = (await cluster.GetAsync("v1", "Secret", BrokerObjects.SecretName, _ct))!;

        await reconciler.ReconcileAsync("meshery-broker", _ct);
        await reconciler.ReconcileAsync("meshery-broker", _ct);
        var after = (await cluster.GetAsync("v1", "Secret", BrokerObjects.SecretName, _ct))!;

        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
        Assert.Equal("meshery-broker", (string?)after["metadata"]!["ownerReferences"]![0]!["name"]);
    }

    /// <summary>Watches the auth Secret the way its readers do and records every version of it.</summary>
    private sealed class SecretReader : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Type, string Version, string? Token)> _events = new();
        private readonly CancellationTokenSource _stop;
        private Task _run = Task.CompletedTask;

        private SecretReader(CancellationToken cancellationToken) => _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        public int Count => _events.Count;

        public IReadOnlySet<string> Versions => _events.Select(e => e.Version).ToHashSet(StringComparer.Ordinal);

        public IEnumerable<(string Type, string Version, string? Token)> Since(int index) => _events.Skip(index);

        public static SecretReader Start(OperatorCluster cluster, string resourceVersion, CancellationToken cancellationToken)
        {
            var reader = new SecretReader(cancellationToken);
            reader._run = Task.Run(async () =>
            {
                await foreach (var (type, obj) in cluster.Rest.WatchAsync(SecretsPath, resourceVersion, null, TimeSpan.FromMinutes(5), reader._stop.Token))
                {
                    if ((string?)obj["metadata"]?["name"] == BrokerObjects.SecretName)
                    {
                        reader._events.Enqueue((type, (string)obj["metadata"]!["resourceVersion"]!, (string?)(obj["data"] as JsonObject)?["token"]));
                    }
                }
            });
            return reader;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run;
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // stopped
            }

            _stop.Dispose();
        }
    }
}
