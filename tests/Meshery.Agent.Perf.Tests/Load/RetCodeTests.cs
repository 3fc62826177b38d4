using Meshery.Agent.Perf.Tests.Support;
using Meshery.Testing.Network;

namespace Meshery.Agent.Perf.Tests.Load;

public sealed class RetCodeTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    [Fact(Timeout = 60_000)]
    public async Task A_target_answering_500_counts_every_request_under_500_and_as_an_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("fail");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/status/500/{key}"), connections: 2, qps: 40, seconds: 1), ct);

        Assert.Equal([500], outcome.RetCodes.Keys);
        Assert.Equal(40, outcome.RetCodes[500]);
        Assert.Equal(40, outcome.Errors);
        Assert.Equal(target.Count(key), outcome.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task Mixed_answers_are_counted_per_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("mixed");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/alternate/{key}"), qps: 40, seconds: 1), ct);

        Assert.Equal(20, outcome.RetCodes[200]);
        Assert.Equal(20, outcome.RetCodes[500]);
        Assert.Equal(20, outcome.Errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task Requests_nobody_answers_count_under_minus_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var outcome = await Runners.RunAsync(Runners.Test(closed, qps: 20, seconds: 0.5), ct);

        Assert.Equal([-1], outcome.RetCodes.Keys);
        Assert.Equal(10, outcome.RetCodes[-1]);
        Assert.Equal(10, outcome.Errors);
    }
}
