using System.Text.Json.Nodes;
using Grpc.Core;
using Meshery.Agent.Perf.Protos;
using Meshery.Agent.Perf.Tests.Support;

namespace Meshery.Agent.Perf.Tests.Service;

public sealed class PerfServiceTests(LoadTarget target) : IClassFixture<LoadTarget>
{
    [Fact(Timeout = 60_000)]
    public async Task GetInfo_names_the_generators_and_limits()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var perf = await PerfHost.StartAsync(new Dictionary<string, string> { ["Meshery:Perf:MaxConnections"] = "32" }, ct);

        var info = await perf.Client.GetInfoAsync(new GetInfoRequest(), cancellationToken: ct);

        Assert.Equal("meshery-perf", info.Name);
        Assert.Equal(["fortio", "wrk2"], info.LoadGenerators);
        Assert.Equal(32, info.MaxConnections);
        Assert.Equal(3_600_000, info.MaxDurationMs);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunTest_streams_progress_then_the_result_in_Fortio_and_SMP_shapes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var perf = await PerfHost.StartAsync(cancellationToken: ct);
        var key = Keys.Next("grpc");
        var request = new RunTestRequest { Url = target.Url($"/ok/{key}").ToString(), LoadGenerator = "wrk2", Connections = 2, Qps = 100, DurationMs = 1500, TestId = "t-1" };
        request.Labels["name"] = "smoke";

        using var call = perf.Client.RunTest(request, cancellationToken: ct);
        var updates = await call.ResponseStream.ReadAllAsync(ct).ToListAsync(ct);

        var progress = updates.Where(u => u.UpdateCase == RunTestUpdate.UpdateOneofCase.Progress).Select(u => u.Progress).ToList();
        var result = Assert.Single(updates, u => u.UpdateCase == RunTestUpdate.UpdateOneofCase.Result).Result;
        Assert.Equal(RunTestUpdate.UpdateOneofCase.Result, updates[^1].UpdateCase);
        Assert.NotEmpty(progress);
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.First.Requests <= p.Second.Requests), "progress counts never go down");
        Assert.All(progress, p => Assert.True(p.CurrentQps >= 0));

        var fortio = JsonNode.Parse(result.RunnerResultsJson)!.AsObject();
        Assert.Equal("HTTP", (string?)fortio["RunType"]);
        Assert.Equal("100", (string?)fortio["RequestedQPS"]);
        Assert.Equal("1.5s", (string?)fortio["RequestedDuration"]);
        Assert.Equal(2, (int)fortio["NumThreads"]!);
        Assert.Equal("wrk2", (string?)fortio["load-generator"]);
        Assert.Equal(request.Url, (string?)fortio["URL"]);
        Assert.Equal(150, (long)fortio["DurationHistogram"]!["Count"]!);
        Assert.Equal(target.Count(key), (long)fortio["DurationHistogram"]!["Count"]!);
        Assert.Equal(150, (long)fortio["RetCodes"]!["200"]!);
        Assert.Equal([50, 75, 90, 99, 99.9], fortio["DurationHistogram"]!["Percentiles"]!.AsArray().Select(p => (double)p!["Percentile"]!));
        Assert.True((long)fortio["ActualDuration"]! >= 1_500_000_000L);
        Assert.Equal(150, fortio["DurationHistogram"]!["Data"]!.AsArray().Sum(b => (long)b!["Count"]!));
        Assert.Equal(100, (double)fortio["DurationHistogram"]!["Data"]!.AsArray()[^1]!["Percent"]!, 6);
        Assert.Equal(5, (double)fortio["Sizes"]!["Avg"]!);

        var smp = result.Smp;
        Assert.Equal("t-1", smp.TestId);
        Assert.Equal("smoke", smp.Labels["name"]);
        Assert.InRange(smp.ActualQps, 80, 110);
        Assert.True(smp.LatenciesMs.Min <= smp.LatenciesMs.P50 && smp.LatenciesMs.P50 <= smp.LatenciesMs.P90
            && smp.LatenciesMs.P90 <= smp.LatenciesMs.P99 && smp.LatenciesMs.P99 <= smp.LatenciesMs.Max);
        Assert.True(DateTimeOffset.Parse(smp.EndTime, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(smp.StartTime, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ftp://x/", "fortio", 1, 0, "url must be an absolute http:// or https:// URL")]
    [InlineData("http://127.0.0.1:1/", "nighthawk", 1, 0, "load generator 'nighthawk' is not offered")]
    [InlineData("http://127.0.0.1:1/", "wrk2", 1, 0, "wrk2 sends at a constant rate")]
    [InlineData("http://127.0.0.1:1/", "fortio", 5000, 0, "connections must be from 1 to 256")]
    public async Task Bad_arguments_fail_with_InvalidArgument_before_any_message(string url, string generator, int connections, double qps, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var perf = await PerfHost.StartAsync(cancellationToken: ct);

        using var call = perf.Client.RunTest(new RunTestRequest { Url = url, LoadGenerator = generator, Connections = connections, Qps = qps, DurationMs = 1000 }, cancellationToken: ct);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_beyond_the_concurrent_limit_is_refused_and_cancelling_frees_the_slot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var perf = await PerfHost.StartAsync(new Dictionary<string, string> { ["Meshery:Perf:MaxConcurrentTests"] = "1" }, ct);
        var key = Keys.Next("busy");
        var slow = new RunTestRequest { Url = target.Url($"/slow/{key}?ms=30000").ToString(), Connections = 1, DurationMs = 600_000 };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var first = perf.Client.RunTest(slow, cancellationToken: cancel.Token);
        Assert.True(await first.ResponseStream.MoveNext(ct), "the first test was not accepted");
        Assert.Equal(0, first.ResponseStream.Current.Progress.Requests);

        using var second = perf.Client.RunTest(slow, cancellationToken: ct);
        var busy = await Assert.ThrowsAsync<RpcException>(() => second.ResponseStream.MoveNext(ct));
        await cancel.CancelAsync();

        Assert.Equal(StatusCode.ResourceExhausted, busy.StatusCode);
        var third = await Eventually.HoldsAsync(
            async () =>
            {
                var call = perf.Client.RunTest(new RunTestRequest { Url = target.Url($"/ok/{key}").ToString(), Qps = 10, DurationMs = 200 }, cancellationToken: ct);
                try
                {
                    return (Call: call, Updates: await call.ResponseStream.ReadAllAsync(ct).ToListAsync(ct));
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
                {
                    call.Dispose();
                    return (Call: call, Updates: new List<RunTestUpdate>());
                }
            },
            r => r.Updates.Count > 0,
            "the slot to be free again after the first test was cancelled",
            ct);
        third.Call.Dispose();
        Assert.Equal(RunTestUpdate.UpdateOneofCase.Result, third.Updates[^1].UpdateCase);
    }
}
