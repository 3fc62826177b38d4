using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Load;

public sealed class ConstantRateTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    [Fact(Timeout = 60_000)]
    public async Task The_requested_rate_is_held_over_all_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("rate");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/ok/{key}"), LoadGenerators.Wrk2, connections: 4, qps: 200, seconds: 2), ct);

        Assert.Equal(400, outcome.Requests);
        Assert.Equal(target.Count(key), outcome.Requests);
        Assert.InRange(outcome.ActualQps, 180, 220);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stall_shows_in_the_constant_rate_tail_but_not_in_the_closed_loop_one()
    {
        var ct = TestContext.Current.CancellationToken;
        // 100 qps on one connection for 3 s; the 50th request (at 0.5 s) is held for 1 s. The constant-rate generator
        // counts the second the 100 requests due meanwhile waited; the closed loop sends them late and does not.
        var wrk2 = await Runners.RunAsync(Runners.Test(target.Url($"/stall/{Keys.Next("co")}?at=50&ms=1000"), LoadGenerators.Wrk2, qps: 100, seconds: 3), ct);
        var fortio = await Runners.RunAsync(Runners.Test(target.Url($"/stall/{Keys.Next("co")}?at=50&ms=1000"), LoadGenerators.Fortio, qps: 100, seconds: 3), ct);

        Assert.Equal(300, wrk2.Requests);
        Assert.Equal(300, fortio.Requests);
        Assert.True(wrk2.LatencyMicroseconds.Max >= 950_000, $"wrk2 max {wrk2.LatencyMicroseconds.Max} us");
        Assert.True(fortio.LatencyMicroseconds.Max >= 950_000, $"fortio max {fortio.LatencyMicroseconds.Max} us");
        Assert.True(wrk2.LatencyMicroseconds.Percentile(99) >= 800_000, $"wrk2 p99 {wrk2.LatencyMicroseconds.Percentile(99)} us");
        Assert.True(wrk2.LatencyMicroseconds.Percentile(90) >= 400_000, $"wrk2 p90 {wrk2.LatencyMicroseconds.Percentile(90)} us");
        Assert.True(fortio.LatencyMicroseconds.Percentile(99) < 500_000, $"fortio p99 {fortio.LatencyMicroseconds.Percentile(99)} us");
    }
}
