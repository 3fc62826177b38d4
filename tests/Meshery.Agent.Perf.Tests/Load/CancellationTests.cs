using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Load;

public sealed class CancellationTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    [Theory(Timeout = 60_000)]
    [InlineData(LoadGenerators.Fortio, 0)]
    [InlineData(LoadGenerators.Wrk2, 100)]
    public async Task Cancelling_stops_a_long_test_with_requests_in_flight(string generator, double qps)
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("cancel");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var test = Runners.Test(target.Url($"/slow/{key}?ms=30000"), generator, connections: 3, qps: qps, seconds: 600);
        var run = Runners.Create(new() { ProgressInterval = TimeSpan.FromMilliseconds(100) })
            .RunAsync(test, (_, _) => { progressed.TrySetResult(); return ValueTask.CompletedTask; }, cancel.Token);

        await progressed.Task.WaitAsync(ct);
        await Eventually.HoldsAsync(() => Task.FromResult(target.Count(key)), n => n >= 3, "three requests in flight", ct);
        await cancel.CancelAsync();

        // Requests in flight wait 30 s at the target; a prompt stop does not wait for them.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
