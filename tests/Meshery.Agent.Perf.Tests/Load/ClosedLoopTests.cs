using System.Net;
using System.Text;
using Meshery.Agent.Perf.Load;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Load;

public sealed class ClosedLoopTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    [Fact(Timeout = 60_000)]
    public async Task Requests_counted_match_the_targets_own_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("count");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/ok/{key}"), connections: 4, seconds: 1), ct);

        Assert.True(outcome.Requests > 10, $"only {outcome.Requests} requests in a second");
        Assert.Equal(target.Count(key), outcome.Requests);
        Assert.Equal(outcome.Requests, outcome.RetCodes[200]);
        Assert.Equal(0, outcome.Errors);
        Assert.Equal(5, outcome.SizeBytes.Min);
        Assert.Equal(5, outcome.SizeBytes.Max);
        Assert.True(outcome.ActualDuration >= TimeSpan.FromSeconds(1), $"ran {outcome.ActualDuration}");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_paced_closed_loop_sends_the_requested_rate()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("paced");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/ok/{key}"), connections: 2, qps: 50, seconds: 2), ct);

        // Slots are due before the end only: 2 s at 50 qps is 100 requests.
        Assert.Equal(100, outcome.Requests);
        Assert.Equal(target.Count(key), outcome.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task Http2_requests_carry_the_headers_cookies_body_and_content_type()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("echo");
        var test = Runners.Test(new Uri(target.Http2, $"/echo/{key}"), qps: 20, seconds: 0.5) with
        {
            HttpVersion = HttpVersion.Version20,
            Headers = new Dictionary<string, string> { ["X-Test"] = "perf", ["Host"] = "svc.example" },
            Cookies = new Dictionary<string, string> { ["session"] = "abc", ["team"] = "mesh" },
            Body = Encoding.UTF8.GetBytes("""{"ping":1}"""),
            ContentType = "application/json",
        };

        var outcome = await Runners.RunAsync(test, ct);

        var received = target.Last(key) ?? throw new InvalidOperationException("the target received nothing");
        Assert.Equal(10, outcome.Requests);
        Assert.Equal(10, outcome.RetCodes[200]);
        Assert.Equal("HTTP/2", received.Protocol);
        Assert.Equal("POST", received.Method);
        Assert.Equal("perf", received.Headers["X-Test"]);
        Assert.Equal("svc.example", received.Headers["Host"]);
        Assert.Equal("session=abc; team=mesh", received.Headers["Cookie"]);
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.Equal("""{"ping":1}""", received.Body);
    }

    [Fact(Timeout = 60_000)]
    public async Task Http1_is_the_default_and_a_request_without_body_is_a_get()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Keys.Next("echo1");
        var outcome = await Runners.RunAsync(Runners.Test(target.Url($"/echo/{key}"), qps: 10, seconds: 0.5), ct);

        var received = target.Last(key)!;
        Assert.Equal(5, outcome.Requests);
        Assert.Equal("HTTP/1.1", received.Protocol);
        Assert.Equal("GET", received.Method);
        Assert.False(received.Headers.ContainsKey("Cookie"));
    }
}
