using Meshery.Testing.Waiting;
using k8s;
using Meshery.Agent.Operator.LeaderElection;
using Meshery.Agent.Operator.Tests.Support;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Time.Testing;
using static Meshery.Agent.Operator.Tests.Support.OperatorCluster;

namespace Meshery.Agent.Operator.Tests.Operator;

public sealed class LeaderElectionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_replica_holds_the_lease_the_other_waits_and_takes_over_only_after_expiry()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var a = new LeaseElector(cluster.Client, "meshery", "meshery-operator", "a", TimeSpan.FromSeconds(15), time);
        var b = new LeaseElector(cluster.Client, "meshery", "meshery-operator", "b", TimeSpan.FromSeconds(15), time);

        Assert.True(await a.TryAcquireOrRenewAsync(_ct));
        Assert.False(await b.TryAcquireOrRenewAsync(_ct));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await a.TryAcquireOrRenewAsync(_ct));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await b.TryAcquireOrRenewAsync(_ct));

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await b.TryAcquireOrRenewAsync(_ct));
        Assert.False(await a.TryAcquireOrRenewAsync(_ct));
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("meshery-operator", "meshery", cancellationToken: _ct);

        Assert.Equal("b", lease.Spec.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
        Assert.Equal(15, lease.Spec.LeaseDurationSeconds);

        await b.ReleaseAsync(_ct);
        Assert.True(await a.TryAcquireOrRenewAsync(_ct));
    }

    [Fact]
    public async Task Two_operators_never_both_act_and_the_follower_takes_over_when_the_leader_stops()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        var first = cluster.StartOperator(FastOptions("first"));
        var second = cluster.StartOperator(FastOptions("second"));
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);

        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);
        var (leader, follower, leaderIndex) = first.IsLeader ? (first, second, 0) : (second, first, 1);

        Assert.True(leader.IsLeader);
        Assert.False(follower.IsLeader);
        Assert.True(leader.Reconciles > 0);
        Assert.Equal(0, follower.Reconciles);

        await cluster.StopOperatorAsync(leaderIndex);
        await Eventually.HoldsAsync(() => Task.FromResult(follower.IsLeader), l => l, "the follower leads", _ct);
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 2), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct),
            s => (int?)s!["spec"]!["replicas"] == 2, "the new leader scales", _ct);
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("meshery-operator", MesheryKinds.Namespace, cancellationToken: _ct);

        Assert.True(follower.Reconciles > 0);
        Assert.Equal(follower.Identity, lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_leader_whose_renewals_stall_steps_down_before_another_takes_over()
    {
        await using var cluster = await OperatorCluster.StartAsync(_ct);
        var stall = new LeaseStall();
        var first = cluster.StartOperator(FastOptions("first"), stall);
        await Eventually.HoldsAsync(() => Task.FromResult(first.IsLeader), l => l, "the first replica leads", _ct);
        var second = cluster.StartOperator(FastOptions("second"));
        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 1), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct), s => s is not null, "StatefulSet", _ct);

        // The API server stops answering the leader's renewals (it could still write everything else).
        stall.Begin();
        var bothLed = false;
        await Eventually.HoldsAsync(
            () =>
            {
                bothLed |= first.IsLeader && second.IsLeader;
                return Task.FromResult(second.IsLeader);
            },
            l => l,
            "the second replica takes over",
            _ct);
        var firstReconciles = first.Reconciles;

        Assert.False(first.IsLeader);
        Assert.False(bothLed);
        Assert.True(stall.Held > 0);

        await cluster.ApplyAsync(NewBroker("meshery-broker", size: 2), _ct);
        await Eventually.HoldsAsync(() => cluster.GetAsync("apps/v1", "StatefulSet", "meshery-nats", _ct),
            s => (int?)s!["spec"]!["replicas"] == 2, "the new leader scales", _ct);

        // The first replica's requests are answered again: it finds the lease held and stays a follower.
        var answered = stall.Answered;
        stall.End();
        await Eventually.HoldsAsync(() => Task.FromResult(stall.Answered), n => n >= answered + 2, "the first replica reads the lease again", _ct);
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("meshery-operator", MesheryKinds.Namespace, cancellationToken: _ct);

        Assert.Equal(second.Identity, lease.Spec.HolderIdentity);
        Assert.False(first.IsLeader);
        Assert.True(second.IsLeader);
        Assert.Equal(firstReconciles, first.Reconciles);
    }
}
