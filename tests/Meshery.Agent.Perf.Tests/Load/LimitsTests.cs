using Meshery.Agent.Perf.Hosting;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Load;

public sealed class LimitsTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    private static readonly PerfOptions Limits = new() { MaxConnections = 8, MaxQps = 1000, MaxDuration = TimeSpan.FromMinutes(1), MaxBodyBytes = 16 };

    public static TheoryData<string, string> Broken() => new()
    {
        { "connections=0", "connections must be from 1 to 8" },
        { "connections=9", "connections must be from 1 to 8" },
        { "qps=1001", "qps must be from 0 (as fast as possible) to 1000" },
        { "qps=-1", "qps must be from 0" },
        { "wrk2 qps=0", "wrk2 sends at a constant rate: qps must be above 0" },
        { "duration=0", "the duration must be above 0 and at most 00:01:00" },
        { "duration=61", "the duration must be above 0 and at most 00:01:00" },
        { "body=17", "the request body must be at most 16 bytes" },
        { "url=ftp", "the URL must be an absolute http:// or https:// URL" },
        { "generator=nighthawk", "load generator 'nighthawk' is not offered; use fortio or wrk2" },
        { "http=3", "HTTP version must be 1.1 or 2" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Broken))]
    public async Task A_test_beyond_the_limits_is_refused_before_any_request(string change, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("limits");
        var test = Runners.Test(target.Url($"/ok/{key}"), connections: 2, qps: 10);
        test = change switch
        {
            "connections=0" => test with { Connections = 0 },
            "connections=9" => test with { Connections = 9 },
            "qps=1001" => test with { Qps = 1001 },
            "qps=-1" => test with { Qps = -1 },
            "wrk2 qps=0" => test with { LoadGenerator = LoadGenerators.Wrk2, Qps = 0 },
            "duration=0" => test with { Duration = TimeSpan.Zero },
            "duration=61" => test with { Duration = TimeSpan.FromSeconds(61) },
            "body=17" => test with { Body = new byte[17] },
            "url=ftp" => test with { Url = new Uri("ftp://127.0.0.1/file") },
            "generator=nighthawk" => test with { LoadGenerator = "nighthawk" },
            "http=3" => test with { HttpVersion = System.Net.HttpVersion.Version30 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var refused = await Assert.ThrowsAsync<LoadTestRejectedException>(() => Runners.RunAsync(test, ct, Limits));

        Assert.StartsWith(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, target.Count(key));
    }
}
